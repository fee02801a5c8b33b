"""The area chiefs' round: a new self-explaining area file, a plain-Swedish check of one file, its slides, status.

Four commands, one per step of the round (the command line is generator/cli/area.py):

- `vpgen område ny "Namn"` (the planner's) writes omraden/<slug>.yaml from layouts/omrade-mall.yaml.j2
  (never over an existing file) and prints the lines for plan.yaml: new.py;
- `vpgen kontroll FIL` (the area chief's) tells what is wrong in one file, on which line, and what the
  right form looks like: check.py. YAML stops at its first syntax error, so the check repairs the
  likely mistake itself and goes on with the repaired text, so one run lists every mistake, each
  with the corrected line: text_check.py runs the rounds over the issues (issues.py) with the
  candidate repairs (repair.py), each applied in memory, read again (reading.py) and kept only when
  safe (safety.py) — judged against what each line of the text looks like (lines.py). It then says
  back what it read (echo.py) and how many slides the area fills (preview.py);
- `vpgen förhandsvisning FIL` (the area chief's) renders the area's slides with the deck's renderer
  into förhandsvisning/ beside the file: preview.py;
- `vpgen status` (the planner's) shows, per area of plan.yaml, how far its file is against the
  anvisningar and the deadline: status.py.

The check, the preview and the status read only the files they need (plan_parts.py); a file of the
wrong kind is named with the command for it (kinds.py). Failures the user can act on are raised as
problems.UserError with a Swedish message.
"""

from .check import CheckReport, check_area_file, not_an_area_file
from .new import NewArea, new_area, plan_snippet, slugify
from .status import StatusReport, area_status, format_status

__all__ = [
    "CheckReport", "NewArea", "StatusReport", "area_status", "check_area_file", "format_status", "new_area",
    "not_an_area_file", "plan_snippet", "slugify",
]
