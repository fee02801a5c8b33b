"""The kept corpus of hostile and broken inputs (issue 7).

Every case breaks one thing — a content file, a template, a path, the output folder — and runs a
real `vpgen build` against an output folder that already holds a good build. Each asserts the exit
code, the Swedish message word for word (file and line, or the template and what is wrong), that
no traceback is printed, that the previous output files are unchanged byte for byte and that no
temp files are left behind. support.py holds the shared helpers; conftest.py the fixtures.
"""
