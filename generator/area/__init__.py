"""The area chiefs' round: a new self-explaining area file, a plain-Swedish check of one file, status.

Three commands, one per step of the round (the command line is generator/cli/area.py):

- `vpgen område ny "Namn"` writes omraden/<slug>.yaml from layouts/omrade-mall.yaml.j2 (never over an
  existing file) and prints the line for plan.yaml: new.py;
- `vpgen kontroll FIL` tells an area chief what is wrong in one file, on which line, and what the
  right form looks like: check.py. YAML stops at its first syntax error, so the check repairs the
  likely mistake itself and goes on with the repaired text, so one run lists every mistake, each
  with the corrected line: text_check.py, with the file's lines (lines.py), the candidate repairs
  (repair.py), reading each candidate as validate does (reading.py) and examples (examples.py);
- `vpgen status` shows, per area of plan.yaml, how far its file is against the anvisningar and the
  deadline: status.py.

The check and the status read only the files they need (plan_parts.py). Failures the user can act
on are raised as problems.UserError with a Swedish message.
"""

from .check import CheckReport, check_area_file, not_an_area_file
from .new import NewArea, new_area, plan_snippet, slugify
from .status import StatusReport, area_status, format_status

__all__ = [
    "CheckReport", "NewArea", "StatusReport", "area_status", "check_area_file", "format_status", "new_area",
    "not_an_area_file", "plan_snippet", "slugify",
]
