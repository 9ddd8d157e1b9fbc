"""The registry of diagnostic codes: every code tspol reports, in one table.

Each code has a severity, a one-line summary, an explanation (what it means,
why tspol says it, how to fix it) and an example: files, the command that
reads them, and the message it gives (`tests/test_codes.py` runs every example
and compares). `tspol explain CODE` prints an entry; `tspol explain --list`
lists them all, and the README's list is that output.

Families: E0xx pack files, E1xx syntax, E2xx names and declarations, E3xx
types and units, E4xx ranges and order, E5xx/W5xx table analysis, E6xx
metrics (a seller's input values), E7xx events and the ledger; W2xx/W3xx are
warnings of the checker.

The constants below name the codes; each is today's name of the constant in
the module that reports it (where two modules use one name for two codes, the
later stage's name has a prefix: `VALUE_NOT_WHOLE`, `EVENT_BAD_VALUE`,
`EVENT_DUPLICATE_KEY`; `NUMBER_OUT_OF_RANGE`, a literal, beside `OUT_OF_RANGE`, a value), so a
module can take its codes from here: `from tspol.codes import UNKNOWN_NAME`.

Standard library and attrs only: importing this module loads no parser.
"""

from __future__ import annotations

import difflib
import itertools
import re
import textwrap

import attrs

from tspol.diagnostics import ERROR, WARNING

# ---- the codes ------------------------------------------------------------------------

# E0xx: the files of a pack (tspol.dsl.sources)
NO_FILES = "E001"
UNREADABLE = "E002"
NEEDS_EXTRA = "E003"
SQL_UNSUPPORTED = "E004"
# E1xx: syntax (tspol.dsl.syntax_errors, tspol.dsl.parser)
SYNTAX = "E100"
UNCLOSED = "E101"
UNMATCHED = "E102"
BAD_TEXT = "E103"
NUMBER_OUT_OF_RANGE = "E104"
# E2xx, W2xx: names and declarations (tspol.dsl.checker)
UNKNOWN_NAME = "E200"
DUPLICATE = "E201"
MISSING = "E202"
BAD_VALUE = "E203"
UNUSED = "W200"
NO_CHINESE_NAME = "W201"
# E3xx, W3xx: types and units (tspol.dsl.checker)
TYPE_MISMATCH = "E300"
UNIT_MISMATCH = "E301"
NOT_WHOLE = "E302"
BAD_COMPARISON = "E303"
DIRECTION = "W300"
# E4xx: ranges and order (tspol.dsl.checker)
EMPTY_RANGE = "E400"
PERCENT_RANGE = "E401"
OUT_OF_ORDER = "E402"
INCONSISTENT = "E403"
# E5xx, W5xx: table analysis (tspol.compiler.analysis)
OVERLAP = "E501"
DEAD_ROW = "E502"
HOLE = "W501"
MONOTONICITY = "W502"
INSIDE_STANDARD = "W503"
UNDECIDED = "W504"
# E6xx: metrics (tspol.compiler.portable, and every compiled module; tspol.cli.eval)
NOT_AN_OBJECT = "E600"
UNKNOWN_INPUT = "E601"
NOT_A_NUMBER = "E602"
NOT_FINITE = "E603"
NEGATIVE = "E604"
VALUE_NOT_WHOLE = "E605"
ABOVE_TOTAL = "E606"
UNKNOWN_REGION = "E607"
OUT_OF_RANGE = "E608"
UNKNOWN_LANGUAGE = "E609"
MALFORMED = "E610"
NO_REGION = "E611"
BAD_FIELD = "E612"
DUPLICATE_KEY = "E613"
BAD_TABLE = "E614"
WHAT_IF = "E615"
INTERNAL = "E619"
# E70x: events (tspol.runtime.events)
BAD_JSON = "E700"
BAD_KIND = "E701"
MISSING_KEY = "E702"
EVENT_BAD_VALUE = "E703"
UNKNOWN_KEY = "E704"
DUPLICATE_ID = "E705"
UNKNOWN_REFERENCE = "E706"
EVENT_OUT_OF_ORDER = "E707"
EVENTS_UNREADABLE = "E708"
EVENT_DUPLICATE_KEY = "E709"
# E71x, E72x: the ledger (tspol.runtime.ledger)
UNKNOWN_RULE = "E710"
LEDGER_UNKNOWN_REGION = "E711"
HOLD_PERIOD = "E712"
HOLD_SCENARIO = "E713"
NO_EVALUATOR = "E714"
NO_LEDGER = "E716"
HOLD_AFTER_REVOCATION = "E717"
NO_DATE = "E718"
TOO_LATE = "E719"
OTHER_REGION = "E720"

CODE_PATTERN = re.compile(r"[EW][0-9]{3}")


# ---- the records ----------------------------------------------------------------------

@attrs.frozen
class Example:
    """A minimal bad input and what tspol says of it: `files` (path, text) are
    written to an empty folder, `command` is run there (`tspol ...`, or
    `python FILE`), and `output` is part of what it prints."""

    files: tuple[tuple[str, str], ...]
    command: str
    output: str
    encoding: str = "utf-8"  # how the files are saved (E002 shows a file that is not UTF-8)
    runs: bool = True  # False: an illustration that no input reproduces (a bug, a solver's timeout)


@attrs.frozen
class Code:
    code: str  # "E200"
    name: str  # "UNKNOWN_NAME": the constant of this module that holds the code
    severity: str  # "error" or "warning"
    summary: str  # one line, no final full stop
    explanation: str  # paragraphs, parted by blank lines
    example: Example


_POLICY = 'policy p { version "1" effective 2024-01-01 }\nregion US\n'
_COUNTS = _POLICY + "input orders: count\ninput late: count { part of orders }\n"
_RATE = _COUNTS + "metric LDR = late / orders\n"


def _pol(text: str, output: str) -> Example:
    return Example((("example.pol", text),), "tspol check example.pol", output)


def _seller(line: str, output: str, options: str = "--region US ") -> Example:
    """A line of `tspol eval` input, decided by the bundled pack."""
    return Example((("seller.json", line + "\n"),), f"tspol eval {options}seller.json", output)


def _events(lines: str, output: str) -> Example:
    """An events file of `tspol simulate`, with the bundled pack."""
    return Example((("events.jsonl", lines),), "tspol simulate --region US events.jsonl", output)


def _python(code: str, output: str) -> Example:
    return Example((("example.py", code),), "python example.py", output)


_REPORT = ("import tspol\n\n{before}try:\n{call}except tspol.TspolError as error:\n"
           "    for d in error.diagnostics:\n        print(f\"{{d.code}}: {{d.message}}\")\n")


def _python_report(call: str, output: str, before: str = "") -> Example:
    """A Python call that raises, and the diagnostics a program catching it sees."""
    return _python(_REPORT.format(before=before, call=textwrap.indent(call, "    ")), output)


REGISTRY: tuple[Code, ...] = (
    # ---- E0xx: the files of a pack
    Code(
        NO_FILES, "NO_FILES", ERROR,
        "No policy files at the path given",
        "A pack is a `.pol` file or a folder of them (searched recursively). The path given to a "
        "command (a PATH argument, `--policy`, or `tspol.load(path)` in Python) does not exist, or "
        "is a folder with no `.pol` file anywhere under it, so there is no policy to read.\n\n"
        "Give the folder that holds the pack's `.pol` files, or one of its files. Without a path, "
        "commands use `./policies` when it exists, else the bundled pack.",
        Example((("notes/README.md", "Policy notes\n"),), "tspol compile notes -o build",
                ('notes: error[E001]: no .pol files in notes\n'
                 '  help: a pack is a .pol file or a folder of them\n')),
    ),
    Code(
        UNREADABLE, "UNREADABLE", ERROR,
        "A policy file cannot be read, or is not UTF-8 text",
        "Every `.pol` file of a pack is read as UTF-8 text. The file could not be read at all (no "
        "permission, or a symbolic link to a file that does not exist), or it is not UTF-8: a byte "
        "that is no UTF-8 (the error is at its line and column), or a file saved as UTF-16 (it "
        "starts with a UTF-16 byte-order mark). A UTF-8 byte-order mark is fine.\n\n"
        "Save the file as UTF-8, make it readable, or remove the broken link.",
        Example((("example.pol", _POLICY + 'region CH { name en "Zürich" }\n'),),
                "tspol check example.pol", ('example.pol:3:23: error[E002]: this file is not UTF-8 text: byte 0xfc (invalid start byte)\n'
                                            '  help: save the file as UTF-8\n'), encoding="latin-1"),
    ),
    Code(
        NEEDS_EXTRA, "NEEDS_EXTRA", ERROR,
        "A command needs an optional part of tspol that is not installed",
        "The compiled Python module needs nothing but the standard library, so the heavier parts "
        "of tspol are extras: `tspol[duckdb]` (DuckDB and sqlglot, for the SQL backend and "
        "`--target duckdb`). A command that needs one says which.\n\n"
        "Install the extra it names, for example `pip install 'tspol[duckdb]'`.",
        Example((("example.pol", _POLICY),), "tspol compile --target duckdb -o out example.pol",
                "example.pol: error[E003]: `--target duckdb` needs sqlglot: pip install 'tspol[duckdb]' "
                "(sqlglot is missing)\n",
                runs=False),  # only where the extra is not installed
    ),
    Code(
        SQL_UNSUPPORTED, "SQL_UNSUPPORTED", ERROR,
        "A pack the SQL backend cannot decide exactly",
        "The SQL backend decides in whole numbers and DECIMAL(38, 18): a rate is compared by "
        "cross-multiplying its counts with the bound's numerator and denominator, which must "
        "each have fewer than 20 digits, and names that differ only in case are one name to SQL. "
        "A pack past either gets this error rather than a query that could answer wrongly or "
        "fail. The Python module and `tspol eval` decide it as before.\n\n"
        "Write the bound with fewer decimal places, or give the inputs names that differ by more "
        "than case.",
        Example((("example.pol", _RATE + "rule r in US {\n  on LDR\n  table {\n"
                                  "    when LDR >= 0.000000000000000000001% then points 1\n  }\n}\n"),),
                "tspol compile --target duckdb -o out example.pol",
                "example.pol: error[E004]: the bound 1/100000000000000000000000 has too many digits for exact SQL\n"),
    ),
    # ---- E1xx: syntax
    Code(
        SYNTAX, "SYNTAX", ERROR,
        "A syntax error: the text is not what the language expects here",
        "The parser met a word or a character that cannot come at this place. The message says "
        "what was expected, in words (`then`, a comparison, a percentage such as 4%, ...), and what "
        "was found; for the common mistakes the help says how to write it: a row without `then`, "
        "actions not parted by commas, `=` for `==`, a misspelt keyword or action (with a did you "
        "mean), a keyword run into the next word (`when80%`), `!=` (write `not (x == 1)`), `else` "
        "(the last row that catches the rest is `otherwise ACTIONS`, without `then`), an "
        "`otherwise` row that is not the last of its table, a full-width character typed with a "
        "Chinese input method, a line that ends before its statement does.\n\n"
        "Every declaration with a syntax error is reported, each at its first error. Names are "
        "not checked while a file of the pack does not parse, since they may be declared in the "
        "part that does not. Fix the text as the help says and check again.",
        _pol(_POLICY + "rule r in US {\n  table {\n    when LDR >= 4% points 2\n  }\n}\n", ('example.pol:5:20: error[E100]: expected `and`, `or`, `then` or a comparison (<, <=, >, >=, ==), but found `points`\n'
                                                                                            '  5 |     when LDR >= 4% points 2\n'
                                                                                            '    |                    ^^^^^^\n'
                                                                                            '  help: a row needs `then` between its conditions and its actions\n')),
    ),
    Code(
        UNCLOSED, "UNCLOSED", ERROR,
        "A block's `{` has no matching `}`",
        "Braces are matched before a file is parsed, so that a block left open is reported where "
        "it opens, not at the end of the file. When the braces do not balance, indentation tells "
        "which block lacks its `}`: a `}` that starts a line closes the open block whose first "
        "line is indented as much. Braces in quoted texts and comments do not count; full-width "
        "braces (`｛`, `｝`) do, so that they are reported as characters to retype.\n\n"
        "Add the `}` where the block ends.",
        _pol(_POLICY + 'region UK {\n  name en "United Kingdom"\n', ('example.pol:3:11: error[E101]: this block is never closed: `region UK {` has no matching `}`\n'
                                                                     '  3 | region UK {\n'
                                                                     '    |           ^\n'
                                                                     '  help: add `}` where the block ends\n')),
    ),
    Code(
        UNMATCHED, "UNMATCHED", ERROR,
        "A `}` that closes no block",
        "A closing brace with no open block before it: usually a block closed twice, or a `{` "
        "deleted with the line it was on.\n\n"
        "Remove the `}`, or add the `{` it was meant to close.",
        _pol(_POLICY + "region UK }\n", ('example.pol:3:11: error[E102]: this `}` closes no block\n'
                                         '  3 | region UK }\n'
                                         '    |           ^\n'
                                         '  help: remove it, or add the `{` it was meant to close\n')),
    ),
    Code(
        BAD_TEXT, "BAD_TEXT", ERROR,
        "A bad quoted text: not closed on its line, a control character, or an unknown escape",
        'Texts (`name en "..."`, `description`, `example`, `version`) are written in double quotes '
        "on one line. Either the closing quote is missing before the end of the line, the text "
        "holds a control character (a tab may be typed as it is; other control characters, line "
        "and paragraph separators and lone surrogates only as escapes), or a backslash starts an "
        "escape sequence tspol does not know: inside quotes, write `\\\"` for "
        "a quote, `\\\\` for a backslash, `\\n` for a new line, `\\t` for a tab and `\\r` for a "
        "carriage return.\n\n"
        "Close the text on the line it starts on; to write a backslash, double it.",
        _pol(_POLICY + 'region UK {\n  name en "United Kingdom\n}\n', ('example.pol:4:11: error[E103]: this text is not closed: a quoted text must end on the same line\n'
                                                                       '  4 |   name en "United Kingdom\n'
                                                                       '    |           ^^^^^^^^^^^^^^^\n'
                                                                       '  help: add the closing `"`\n')),
    ),
    Code(
        NUMBER_OUT_OF_RANGE, "NUMBER_OUT_OF_RANGE", ERROR,
        "A number in a policy too large, or with too many decimal places",
        "A number written in a policy is below 10^18 (at most 18 digits before the decimal "
        "point) and has at most 36 decimal places (trailing zeros do not count): no value tspol "
        "reads is larger (E608), and no comparison needs more places. The number is refused as "
        "it is read, before its exact value is built, so that a number of thousands of digits "
        "costs no more than its text.\n\n"
        "Check the number: usually digits typed twice, or a value in the wrong unit.",
        _pol(_COUNTS + "rule r in US {\n  table {\n    when late >= 1000000000000000000000 then points 2\n"
                       "  }\n}\n",
             (
            "example.pol:7:18: error[E104]: `1000000000000000000000` is too large: it has 22 digits before the "
            "decimal point, and a number in a policy is below 10^18 (1,000,000,000,000,000,000)\n"
            "  7 |     when late >= 1000000000000000000000 then points 2\n"
            "    |                  ^^^^^^^^^^^^^^^^^^^^^^\n"
            "  help: no value tspol reads is that large; check the number\n")),
    ),
    # ---- E2xx, W2xx: names and declarations
    Code(
        UNKNOWN_NAME, "UNKNOWN_NAME", ERROR,
        "A name that nothing in the pack declares",
        "Every name a pack uses is declared in it: the inputs of `part of`, of a metric and of a "
        "basis; the inputs and metrics of conditions; the regions of a rule; the metric after "
        "`on`; reasons, categories and measures (in rows, in `may`, in thresholds); the basis of "
        "a limit. The unknown name is reported where it is written, with the closest declared "
        "names (did you mean), and nothing that depends on it is reported again.\n\n"
        "Fix the spelling, or declare the name. While a file of the pack has a syntax error, names "
        "are not checked (they may be declared in that file).",
        _pol(_POLICY + "input orders: count\ninput late: count { part of order }\n", ('example.pol:4:29: error[E200]: unknown input `order`\n'
                                                                                      '  4 | input late: count { part of order }\n'
                                                                                      '    |                             ^^^^^\n'
                                                                                      '  help: did you mean `orders`?\n')),
    ),
    Code(
        DUPLICATE, "DUPLICATE", ERROR,
        "Something is defined or said twice",
        "A name is declared twice (two regions, inputs, metrics, measures, reasons, holds, or "
        "tables of one rule; inputs, metrics and bases share one set of names), a rule is defined "
        "twice for one region, or one thing is said twice: two `policy`, `ledger` or `appeals` "
        "blocks in a pack; `version` or `effective` twice; the same text (`name en`) twice; a "
        "second `part of`, direction, standard or rounding; one action twice in a row; a threshold "
        "twice; a region, a measure or a name of `may` listed twice. The second one is reported, "
        "with a note at the first.\n\n"
        "Keep one of them, or give the other a name of its own. Uses of a name declared twice are "
        "not reported again.",
        _pol(_POLICY + "region US\n", ('example.pol:3:8: error[E201]: region `US` is defined twice\n'
                                       '  3 | region US\n'
                                       '    |        ^^\n'
                                       '  note: example.pol:2:8: first defined here\n'
                                       '  help: remove one of them, or give this one another name\n')),
    ),
    Code(
        MISSING, "MISSING", ERROR,
        "Something the pack needs is not there",
        "Some declarations are required, and so are some items of a block: the pack's `policy` "
        "with its `version` and `effective` date; a basis's rounding (`round down` or `round up`); "
        "in the `ledger`, when points expire, which measures apply when one scoring crosses "
        "several thresholds (`multiple thresholds apply highest`, or `all`), and `deactivate at` "
        "when points freeze while deactivated; the three lines of an `appeals` block; a hold's "
        "`period` and when it `ends`; the metric (`on METRIC`) of a rule with an `otherwise` row, "
        "which fires where that metric has a value and no other row matches. tspol guesses no default for any of them, since each "
        "changes what sellers get.\n\n"
        "Add the item the help names. What a pack lacks is only reported when all of its files "
        "parse.",
        _pol("region US\n", ('example.pol:1:1: error[E202]: the pack has no `policy` declaration\n'
                             '  1 | region US\n'
                             '    | ^\n'
                             '  help: start one file with `policy my_policy { version "1" effective 2024-01-01 }`\n')),
    ),
    Code(
        BAD_VALUE, "BAD_VALUE", ERROR,
        "A value that is not allowed here",
        "The value has the right form but is not valid in its place: an `effective` date that is "
        "no calendar date (2024-02-30); a text in a language other than `en` and `zh`, or an empty "
        "text; a duration input without its unit (`in minutes`, `in hours`, `in days`), a money "
        "input without a three-letter currency, or a unit on a type that has none; an input `part "
        "of` itself; days written in hours or minutes where whole calendar days are counted; zero "
        "where more than zero is needed (points, a limit's length, a threshold); a number past the "
        "bounds of a policy (at most 36,500 days, at most 1,000,000 for other whole numbers); `or` or "
        "`not` in a metric's `standard` or `only if`, which are comparisons joined by `and`; a row's "
        "condition of more than 64 alternatives once its `or` and `not` are multiplied out.\n\n"
        "Write the value as the help shows.",
        _pol('policy p { version "1" effective 2024-02-30 }\n', ('example.pol:1:34: error[E203]: `2024-02-30` is not a calendar date\n'
                                                                 '  1 | policy p { version "1" effective 2024-02-30 }\n'
                                                                 '    |                                  ^^^^^^^^^^\n'
                                                                 '  help: write the date as YYYY-MM-DD, such as 2024-07-15\n')),
    ),
    Code(
        UNUSED, "UNUSED", WARNING,
        "A rule or a table that can decide nothing",
        "A table with no rows, or a rule with neither `on METRIC` nor a table, never changes a "
        "decision: usually a rule still being written, or rows deleted by mistake. It is a "
        "warning: `tspol check` passes, unless `--strict`.\n\n"
        "Add the rows (`when ... then ...`) or the metric (`on METRIC`), or remove the table or "
        "the rule.",
        _pol(_POLICY + "rule r in US { }\n", ('example.pol:3:6: warning[W200]: rule `r` has neither a metric nor a table\n'
                                              '  3 | rule r in US { }\n'
                                              '    |      ^\n'
                                              '  help: add `on METRIC` or a `table { ... }`\n')),
    ),
    Code(
        NO_CHINESE_NAME, "NO_CHINESE_NAME", WARNING,
        "A rule, metric or measure without a Chinese name, in a pack that names others in Chinese",
        "A pack whose declarations carry `name zh` is read in Chinese too: `tspol eval --lang zh` "
        "explains each decision with the Chinese names of its rules, metrics and measures, and "
        "`tspol doc` shows them beside the English. In such a pack, a rule, metric or measure "
        "without `name zh` is named by its code name in the middle of the Chinese, which is usually "
        "a declaration added without its translation. The warning is at the declaration's name, and "
        "says what lacks it. It is a warning: `tspol check` passes, unless `--strict`.\n\n"
        "Add `name zh \"...\"` to the declaration's block, in the words of the policy's own Chinese "
        "text.",
        _pol(_POLICY + 'measure warning_letter {\n  name zh "正式警告"\n}\nmeasure review\n',
             ('example.pol:6:9: warning[W201]: measure `review` has no Chinese name (`name zh`), though the pack '
              'names others in Chinese\n'
              '  6 | measure review\n'
              '    |         ^^^^^^\n'
              '  help: add `name zh "..."` to its block\n')),
    ),
    # ---- E3xx, W3xx: types and units
    Code(
        TYPE_MISMATCH, "TYPE_MISMATCH", ERROR,
        "An input of the wrong type, or a metric where an input belongs",
        "Types are checked where inputs are combined: only a count can be `part of` another "
        "count; a rate metric (`A / B`) divides two counts; a basis is a number of orders (a "
        "`count` or `number` input). Where an input belongs (`part of`, the operands of a metric, "
        "the source of a basis) a metric or a basis does not do: they are computed from inputs, "
        "not from each other.\n\n"
        "Declare each input with the type it has (`count`, `number`, `rate`, `duration in "
        "minutes`, `money in USD`), or name an input.",
        _pol(_POLICY + "input orders: count\ninput reply: duration in minutes\nmetric AVG = reply / orders\n",
             ('example.pol:5:14: error[E300]: a rate divides counts, but `reply` is a duration\n'
              '  5 | metric AVG = reply / orders\n'
              '    |              ^^^^^\n'
              '  help: declare the metric as a ratio of two count inputs\n')),
    ),
    Code(
        UNIT_MISMATCH, "UNIT_MISMATCH", ERROR,
        "A value in the wrong unit",
        "Literals carry their unit, and each must fit what it is compared with, or where it "
        "stands: a count or a number with a plain number (`30`), a rate with a percentage (`4%`), "
        "a duration with a duration (`30min`, `24h`, `7d`), money with an amount in the input's "
        "currency (`100 USD`); actions and the ledger likewise (`points 3`, `limit 7d at 10% "
        "avg4w`, `threshold 12`, `points expire after 180d`). A 30% against a count is almost "
        "always a comparison meant for the rate; a plain number between 0 and 1 against a rate "
        "gets its percentage in the help (0.95 is 95%).\n\n"
        "Write the value in the unit the help suggests, or compare the quantity it was meant for.",
        _pol(_COUNTS + "rule r in US {\n  table {\n    when late >= 30% then points 2\n  }\n}\n", ('example.pol:7:18: error[E301]: `late` is a count, but `30%` is a percentage\n'
                                                                                                   '  7 |     when late >= 30% then points 2\n'
                                                                                                   '    |                  ^^^\n'
                                                                                                   '  help: compare a count with a whole number, such as `late >= 30`\n')),
    ),
    Code(
        NOT_WHOLE, "NOT_WHOLE", ERROR,
        "A fraction where a whole number belongs",
        "A count counts whole items, so comparing one with `2.5` says something the policy does "
        "not mean (`late >= 2.5` holds from 3 on, and should say so). Points, thresholds, numbers "
        "of appeals and of days are whole numbers too.\n\n"
        "Write a whole number.",
        _pol(_COUNTS + "rule r in US {\n  table {\n    when late >= 2.5 then points 2\n  }\n}\n", ('example.pol:7:18: error[E302]: `late` counts whole items, but `2.5` is not a whole number\n'
                                                                                                   '  7 |     when late >= 2.5 then points 2\n'
                                                                                                   '    |                  ^^^\n'
                                                                                                   '  help: compare a count with a whole number\n')),
    ),
    Code(
        BAD_COMPARISON, "BAD_COMPARISON", ERROR,
        "A comparison that is not a bound on one input or metric",
        "A comparison bounds one input or metric with values: `LDR >= 4%`, or a range with the "
        "name in the middle and both operators pointing the same way, `10% <= LDR < 25%`. Not a "
        "comparison without a name, two names compared with each other, a range with the name "
        "outside the middle or with operators pointing both ways, `==` in a range, a basis (compare "
        "its input), nor a metric's `standard` about another quantity (conditions on other inputs "
        "go in `only if`).\n\n"
        "Rewrite it as a bound or a range of one name.",
        _pol(_RATE + "rule r in US {\n  table {\n    when late >= orders then points 2\n  }\n}\n", ('example.pol:8:10: error[E303]: `late` is compared with `orders`: a comparison bounds one input or metric with values\n'
                                                                                                    '  8 |     when late >= orders then points 2\n'
                                                                                                    '    |          ^^^^^^^^^^^^^^\n'
                                                                                                    '  help: write a bound such as `LDR >= 4%` or a range such as `10% <= LDR < 25%`\n')),
    ),
    Code(
        DIRECTION, "DIRECTION", WARNING,
        "A standard that points against the metric's direction",
        "A metric marked `higher is worse` should have a standard that keeps it low (`standard "
        "LDR < 4%`), and one marked `lower is worse` a standard that keeps it high (`standard "
        "RR24 >= 90%`). When the two disagree, one of them is wrong, and the analysis of the "
        "rule's tables (W502, W503) reads both. A warning: `tspol check` passes, unless "
        "`--strict`.\n\n"
        "Fix the comparison of the standard, or the direction.",
        _pol(_COUNTS + "metric LDR = late / orders {\n  higher is worse\n  standard LDR > 4%\n}\n", ('example.pol:7:3: warning[W300]: `LDR` is marked `higher is worse`, but its standard asks for it to stay high\n'
                                                                                                     '  7 |   standard LDR > 4%\n'
                                                                                                     '    |   ^^^^^^^^^^^^^^^^^\n'
                                                                                                     '  help: check the comparison in the standard, or the direction\n')),
    ),
    # ---- E4xx: ranges and order
    Code(
        EMPTY_RANGE, "EMPTY_RANGE", ERROR,
        "A condition that no value meets",
        "A comparison, or the comparisons of one row or standard, admit no value: the bounds of a "
        "range cross (`10% <= LDR < 5%`), two comparisons joined by `and` contradict each other "
        "(`LDR >= 10% and LDR < 5%`), no whole number lies in the range of a count "
        "(`2 < orders < 3`), or the range lies below zero, where tspol takes no quantity to be; or "
        "a row's condition with `or` and `not` holds for no values at all (`not` holds only where "
        "its quantity has a value: `not (LDR >= 0%)` never holds). A row with such a condition "
        "could never fire, which is never what a policy means.\n\n"
        "Check the bounds: usually two numbers swapped, or a comparison pointing the wrong way.",
        _pol(_RATE + "rule r in US {\n  table {\n    when 10% <= LDR < 5% then points 2\n  }\n}\n", ('example.pol:8:10: error[E400]: no value of `LDR` meets `10% <= LDR < 5%`\n'
                                                                                                     '  8 |     when 10% <= LDR < 5% then points 2\n'
                                                                                                     '    |          ^^^^^^^^^^^^^^^\n'
                                                                                                     '  help: the lower bound must be below the upper bound\n')),
    ),
    Code(
        PERCENT_RANGE, "PERCENT_RANGE", ERROR,
        "A percentage above 100%",
        "Rates are shares of a whole (late orders among orders), from 0% to 100%, and so is the "
        "cap of an order volume limit: a bound above 100% is never met, a cap above it caps "
        "nothing. Usually a typo (`120%` for `12%`).\n\n"
        "Write a percentage from 0% to 100%.",
        _pol(_RATE + "rule r in US {\n  table {\n    when LDR >= 120% then points 2\n  }\n}\n", ('example.pol:8:17: error[E401]: `120%` is more than 100%\n'
                                                                                                 '  8 |     when LDR >= 120% then points 2\n'
                                                                                                 '    |                 ^^^^\n'
                                                                                                 '  help: `LDR` is a share of a whole: from 0% to 100%\n')),
    ),
    Code(
        OUT_OF_ORDER, "OUT_OF_ORDER", ERROR,
        "Values that must rise are out of order",
        "The ledger's thresholds are listed from the lowest to the highest; the warning margin "
        "(`warn 5 points before each threshold`) is below the lowest threshold, or the warning "
        "would be due before any violation; a hold period runs from the shorter to the longer "
        "(`period 90d to 180d`).\n\n"
        "Put the values in order, as the help says.",
        _pol(_POLICY + "measure no_campaigns\nledger {\n  points expire after 180d\n"
                       "  multiple thresholds apply highest\n  threshold 24 { no_campaigns for 7d }\n"
                       "  threshold 12 { no_campaigns for 7d }\n}\n", ('example.pol:8:13: error[E402]: thresholds out of order: 12 comes after 24\n'
                                                                       '  8 |   threshold 12 { no_campaigns for 7d }\n'
                                                                       '    |             ^^\n'
                                                                       '  note: example.pol:7:13: the previous threshold\n'
                                                                       '  help: list thresholds from the lowest to the highest\n')),
    ),
    Code(
        INCONSISTENT, "INCONSISTENT", ERROR,
        "Two declarations that contradict each other",
        "Each declaration is valid alone, but both cannot be meant: a rate divides a total by its "
        "own part (`orders / late` where `late` is `part of orders`), so it is never below 100%; a "
        "reason says `points by rule` but no rule naming it scores points; a reason says `points "
        "discretionary` but a rule scores points for it.\n\n"
        "Write the part over the whole (`late / orders`), or make the reason's `points` say where "
        "its points come from.",
        _pol(_COUNTS + "metric LDR = orders / late\n", ('example.pol:5:23: error[E403]: `LDR` divides `orders` by `late`, which is part of it: the rate is never below 100%\n'
                                                        '  5 | metric LDR = orders / late\n'
                                                        '    |                       ^^^^\n'
                                                        '  help: write the part over the whole: `late / orders`\n')),
    ),
    # ---- E5xx, W5xx: table analysis
    Code(
        OVERLAP, "OVERLAP", ERROR,
        "Two rows of an exclusive table can fire for one seller",
        "In an exclusive table (the default) at most one row fires for a seller. The analysis "
        "finds, exactly (rates as rationals, counts as whole numbers), where each row's conditions "
        "hold: two rows hold for some real seller, and the message shows one. The usual cause is "
        "two ranges sharing an edge: one row ends with `<= 10%` and the next starts with `10% "
        "<=`. A `first` table fires its first matching row as an exclusive one does, but its "
        "rows may overlap: the order of the rows decides.\n\n"
        "Make the ranges meet without overlapping (`< 10%`, then `10% <=`), mark the table "
        "`first` if the first matching row is meant to win, or `all` if every matching row is "
        "meant to fire.",
        _pol(_RATE + "rule r in US {\n  table {\n    when 4% <= LDR <= 10% then points 2\n"
                     "    when 10% <= LDR then points 4\n  }\n}\n", ('example.pol:9:5: error[E501]: rows 1 (example.pol:8) and 2 (example.pol:9) of this exclusive table of `r` in US can both fire where LDR == 10%; for example the seller {"late": 1, "orders": 10} (LDR 10%)\n'
                                                                     '  9 |     when 10% <= LDR then points 4\n'
                                                                     '    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
                                                                     '  note: example.pol:8:5: row 1 also fires there\n'
                                                                     "  help: make the rows' ranges meet without overlapping (a lower bound `<=` where the row before ends with `<`), mark the table `first` if the first should win, or `all` if both should fire\n")),
    ),
    Code(
        DEAD_ROW, "DEAD_ROW", ERROR,
        "A row that can never fire",
        "No seller makes this row fire: rows before it in its exclusive or `first` table fire wherever it "
        "matches (the first matching row wins; they are named), an `otherwise` row's table leaves "
        "no seller with a value of the rule's metric to it, or no seller meets its conditions "
        "at all (a rate of counts is 0 exactly when its count is 0, a part is never more than its "
        "whole). A row that never fires is text that readers believe and sellers never meet.\n\n"
        "Remove the row, or narrow the rows before it so that it gets its range.",
        _pol(_RATE + "rule r in US {\n  table {\n    when LDR >= 4% then points 2\n"
                     "    when LDR >= 10% then points 4\n  }\n}\n", ('example.pol:9:5: error[E502]: this row of `r` in US can never fire: wherever it matches, row 1 (example.pol:8) before it fires instead\n'
                                                                     '  9 |     when LDR >= 10% then points 4\n'
                                                                     '    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
                                                                     '  note: example.pol:8:5: row 1 wins here\n'
                                                                     '  help: remove the row, or narrow the rows before it\n')),
    ),
    Code(
        HOLE, "HOLE", WARNING,
        "A gap between the rows of a table",
        "No row covers a range of sellers that lies between ranges that rows do cover, so a "
        "seller there gets nothing from the table while the sellers on both sides do. The message "
        "gives the range and a seller in it. What lies below the standard, or outside a count "
        "condition such as `late_orders >= 5`, is left uncovered on purpose and is no gap. "
        "Usually the edges of two rows do not meet: `< 10%`, then `12% <=`. A warning: `tspol "
        "check` passes, unless `--strict`.\n\n"
        "Make the neighbouring rows meet (a row ending `< X`, the next starting `X <=`), or add a "
        "row for the gap.",
        _pol(_RATE + "rule r in US {\n  table {\n    when 4% <= LDR < 10% then points 2\n"
                     "    when 12% <= LDR then points 4\n  }\n}\n", ('example.pol:9:5: warning[W501]: no row of this table of `r` in US covers 10% <= LDR < 12%, between rows that do; for example the seller {"late": 1, "orders": 10} (LDR 10%) gets nothing from this table\n'
                                                                     '  9 |     when 12% <= LDR then points 4\n'
                                                                     '    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
                                                                     '  note: example.pol:8:5: row 1 is beside it\n'
                                                                     '  help: make the neighbouring rows meet (a row ending `< X` and the next starting `X <=`), or cover the gap with a row\n')),
    ),
    Code(
        MONOTONICITY, "MONOTONICITY", WARNING,
        "A worse metric gets a lighter penalty",
        "Along a metric marked `higher is worse` (or `lower is worse`), a seller on the worse "
        "side never gets fewer points or a milder order volume limit than the seller just beside "
        "them on the better side. This row breaks that: the message names the row that gives "
        "more, and two such sellers. The tables of one rule are added up first.\n\n"
        "Check the actions of the row: usually two point values swapped.",
        _pol(_COUNTS + "metric LDR = late / orders { higher is worse }\nrule r in US {\n  table {\n"
                       "    when 4% <= LDR < 10% then points 4\n    when 10% <= LDR then points 2\n  }\n}\n",
             ('example.pol:9:5: warning[W502]: `LDR` is marked `higher is worse`, but in `r` in US this row gives less (2 points) for a higher `LDR` than row 1 (example.pol:8) gives just below it (4 points): the seller {"late": 1, "orders": 10} (LDR 10%) gets less than the seller {"late": 1, "orders": 25} (LDR 4%)\n'
              '  9 |     when 10% <= LDR then points 2\n'
              '    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
              '  note: example.pol:8:5: row 1 gives more\n'
              '  help: a higher `LDR` should never lower the points or soften the limit; check the actions of this row\n')),
    ),
    Code(
        INSIDE_STANDARD, "INSIDE_STANDARD", WARNING,
        "A row penalises sellers who meet the standard",
        "A row with points or a limit fires for a seller who meets the rule's standard (`standard "
        "LDR < 4%`), so a seller who does all the policy asks is penalised: usually a comparison "
        "written the wrong way round, or an upper bound left out. A row that only gives a "
        "`warning` there is left alone: warning sellers as they near the standard is a policy's "
        "choice.\n\n"
        "Check which way the row's comparisons point, and that it has both of its bounds.",
        _pol(_COUNTS + "metric LDR = late / orders {\n  higher is worse\n  standard LDR < 4%\n}\n"
                       "rule r in US {\n  on LDR\n  table {\n    when LDR >= 2% then points 2\n  }\n}\n",
             ('example.pol:12:5: warning[W503]: this row of `r` in US fires for sellers who meet the standard LDR < 4%, where 2% <= LDR < 4%; for example the seller {"late": 1, "orders": 50} (LDR 2%)\n'
              '  12 |     when LDR >= 2% then points 2\n'
              '     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
              "  help: points and limits are for sellers outside the standard: check which way the row's comparisons point, and that it has both its bounds\n")),
    ),
    Code(
        UNDECIDED, "UNDECIDED", WARNING,
        "The analysis could not decide a rule's tables",
        "The table analysis (E501, E502, W501, W502, W503) asks a solver about the sellers of each "
        "row, one question at a time, each with a time limit. When the solver gives no answer in "
        "its time, the rule's tables are not checked for overlaps, dead rows or gaps, and W504 says "
        "so, rather than pass them in silence or guess: the analysis reports only what it has "
        "proved. It does not mean the tables are wrong. A warning: `tspol check` passes, unless "
        "`--strict`.\n\n"
        "Split the rule's tables, or simplify their conditions (fewer quantities in one row, fewer "
        "nested `part of` totals), and check again.",
        Example((("example.pol", _RATE + "rule r in US {\n  table {\n    # rows too entangled for the solver to "
                                           "answer in its time\n  }\n}\n"),),
                "tspol check example.pol",
                "example.pol:6:1: warning[W504]: the tables of `r` in US could not be analysed: the solver gave no "
                "answer in its time (timeout); overlaps, dead rows and gaps are not checked here\n"
                "  6 | rule r in US {\n"
                "    | ^^^^^^^^^^^^^^\n"
                "  help: split the rule's tables, or simplify their conditions\n",
                runs=False),
    ),
    # ---- E6xx: metrics
    Code(
        NOT_AN_OBJECT, "NOT_AN_OBJECT", ERROR,
        "Metrics that are not an object",
        "A seller's metrics are one JSON object of input names and values: a line of `tspol eval` "
        "input, an item of the list a `.json` file holds, or the object under its `metrics` key, "
        "or the mapping given to `Policy.evaluate`. A list, a number, a string or `null` in its "
        "place cannot be decided.\n\n"
        'Write the seller as an object: `{"orders_7d": 40, "late_orders": 12}`.',
        Example((("sellers.jsonl", '{"orders_7d": 40}\n[40, 12]\n'),), "tspol eval --region US sellers.jsonl",
                'sellers.jsonl:2: error[E600]: expected a JSON object, got a list\n'),
    ),
    Code(
        UNKNOWN_INPUT, "UNKNOWN_INPUT", ERROR,
        "A key that names no input of the policy",
        "Every key of a seller's metrics names an input the pack declares (a line of `tspol eval` "
        "may also carry `seller_id`, `region` and `metrics`). An unknown key is an error, not "
        "ignored, since it is usually a misspelt input whose value would otherwise be dropped "
        "without a word; the message gives the closest input. In Python, a key that is not a "
        "string is E601 too.\n\n"
        "Fix the key, or remove it; `tspol.load().inputs` lists the inputs.",
        _seller('{"orders7d": 40}', 'seller.json:1: error[E601]: key `orders7d`: unknown input `orders7d`; did you mean `orders_7d`?\n'),
    ),
    Code(
        NOT_A_NUMBER, "NOT_A_NUMBER", ERROR,
        "An input value that is not a number",
        "Input values are numbers. A string (even `\"40\"`), `true` or `false`, a list or an "
        "object is not read as one. `null` is no error: it means the input is not given, as a "
        "missing key does.\n\n"
        "Write the value as a JSON number: `40`, not `\"40\"`.",
        _seller('{"orders_7d": "40"}', 'seller.json:1: error[E602]: key `orders_7d`: expected a count (a whole number, 0 or more), got the string "40"\n'),
    ),
    Code(
        NOT_FINITE, "NOT_FINITE", ERROR,
        "NaN or an infinity as an input value",
        "Python's JSON reader takes `NaN`, `Infinity` and `-Infinity`, and a Python caller may "
        "pass `float(\"nan\")`; none is a metric a seller can have, and NaN compares false with "
        "every bound, so it would pass every check unseen.\n\n"
        "Leave the input out (or give `null`) when its value is not known.",
        _seller('{"orders_7d": NaN}', 'seller.json:1: error[E603]: key `orders_7d`: expected a count (a whole number, 0 or more), got NaN\n'),
    ),
    Code(
        NEGATIVE, "NEGATIVE", ERROR,
        "A negative count, number or duration",
        "Counts, numbers and durations are 0 or more; only money may be negative. A negative "
        "order count is an error in the data, and a rate computed from it would mean "
        "nothing.\n\n"
        "Fix the value where it comes from.",
        _seller('{"orders_7d": -1}', 'seller.json:1: error[E604]: key `orders_7d`: a count cannot be negative, got -1\n'),
    ),
    Code(
        VALUE_NOT_WHOLE, "VALUE_NOT_WHOLE", ERROR,
        "A fraction of an order as a count",
        "A count is a whole number of 0 or more: `5` and `5.0` are the count 5, but `5.5` is an "
        "error in the data, not something to round.\n\n"
        "Give counts as whole numbers.",
        _seller('{"orders_7d": 2.5}', 'seller.json:1: error[E605]: key `orders_7d`: a count is a whole number, got 2.5\n'),
    ),
    Code(
        ABOVE_TOTAL, "ABOVE_TOTAL", ERROR,
        "A part is more than its total",
        "An input declared `part of` another counts some of the other's items (`late_orders` "
        "among `orders_7d`), so it is never more than it; a rate of the two above 100% would be "
        "decided as if it were possible. The message names both values.\n\n"
        "Check that the two values count the same orders over the same days.",
        _seller('{"orders_7d": 10, "late_orders": 12}', 'seller.json:1: error[E606]: key `late_orders`: late_orders is 12 but orders_7d is 10: late_orders counts some of the orders_7d, so it cannot be more than orders_7d\n'),
    ),
    Code(
        UNKNOWN_REGION, "UNKNOWN_REGION", ERROR,
        "A region the policy does not have",
        "A seller's region (the `region` key of a line of `tspol eval`, or `region=` in Python) "
        "must be one the policy declares; names are compared exactly, so `us` is not `US`. The "
        "message lists the policy's regions, and a region in the wrong case gets a did you "
        "mean. (An unknown `--region` is bad input too: exit 1.)\n\n"
        "Use one of the regions listed.",
        _seller('{"region": "us", "orders_7d": 40}', 'seller.json:1: error[E607]: key `region`: unknown region `us`; this policy has US, SEA, UK; did you mean `US`?\n'),
    ),
    Code(
        OUT_OF_RANGE, "OUT_OF_RANGE", ERROR,
        "A value too large or too precise, or a rate input outside 0 to 1",
        "Values are read exactly, never as binary floats, so they are bounded to keep the "
        "arithmetic cheap: less than 10^18 in size (at most 18 digits before the decimal point) "
        "and at most 30 decimal places (trailing zeros do not count). Every count a shop can "
        "have fits, as does every float from 1e-13 up; the bounds are checked before the exact "
        "value is built, so `1e1000000000` is refused at once. A `rate` input is a number from 0 "
        "to 1 (0.04 is 4%), and one outside that is E608 too.\n\n"
        "Check the value: usually a rate given in percent (4 for 4%), or a corrupt number.",
        _seller('{"orders_7d": 1e18}', 'seller.json:1: error[E608]: key `orders_7d`: out of range: a value is less than 10^18 in size (at most 18 digits before the decimal point), got 1E+18\n'),
    ),
    Code(
        UNKNOWN_LANGUAGE, "UNKNOWN_LANGUAGE", ERROR,
        "An unknown language for the explanations of a decision",
        "Decisions explain themselves in English or Chinese: `lang=\"en\"` or `lang=\"zh\"` for "
        "`Policy.evaluate` and a compiled module's `evaluate`. (`tspol eval --lang` takes only "
        "those two.)\n\n"
        "Pass `en` or `zh`.",
        _python_report('tspol.load().evaluate({"orders_7d": 40}, region="US", lang="fr")\n', "E609: unknown language 'fr'; choose one of en, zh\n"),
    ),
    Code(
        MALFORMED, "MALFORMED", ERROR,
        "A line of input that is not JSON",
        "Each line of `tspol eval` input (or the whole input, when it is one object) is UTF-8 "
        "JSON. This one is not UTF-8, is empty, is not valid JSON (the message says where), "
        "nests objects too deeply, is longer than 1 MiB, has a character outside strings that "
        "only looks like whitespace (JSON's are space, tab, CR and LF), or holds an unpaired "
        "surrogate (`\\ud800`). In JSON Lines input, the line gets an error record in its "
        "place and the other lines are still decided; the exit code is 1.\n\n"
        "Fix the line. A blank line is an error too, so that output line N answers input "
        "line N.",
        _seller('{"orders_7d": 40', "seller.json:1: error[E610]: malformed JSON: Expecting ',' delimiter at the end of the line (column 17)\n"),
    ),
    Code(
        NO_REGION, "NO_REGION", ERROR,
        "A seller with no region",
        "A policy's rules differ by region, so every seller is decided in one: a line of `tspol "
        "eval` input takes the region of its `region` key, else `--region`. This one has "
        "neither.\n\n"
        "Give `--region`, or a `region` key on the line.",
        _seller('{"orders_7d": 40}', 'seller.json:1: error[E611]: key `region`: no region: give --region, or a `region` key on the line (this policy has US, SEA, UK)\n', options=""),
    ),
    Code(
        BAD_FIELD, "BAD_FIELD", ERROR,
        "A bad `seller_id`, or a key beside `metrics`",
        "A line of `tspol eval` input may carry a `seller_id`, a string or a whole number echoed "
        "in its decision. When the input values are under a `metrics` key, the line has no other "
        "keys but `seller_id` and `region`: an input beside `metrics` would be left out of the "
        "decision.\n\n"
        "Give `seller_id` as a string or a whole number; put all the inputs under `metrics`, or "
        "none.",
        _seller('{"metrics": {"orders_7d": 40}, "late_orders": 1}', 'seller.json:1: error[E612]: key `late_orders`: `late_orders` beside `metrics`: with `metrics`, the other keys can only be seller_id and region\n'),
    ),
    Code(
        DUPLICATE_KEY, "DUPLICATE_KEY", ERROR,
        "A key given twice in one object",
        "Most JSON readers keep the last of two values of a key without a word; tspol refuses "
        "the line, since which value was meant cannot be told. It applies at the top of a line, "
        "inside its `metrics`, and to each seller of a JSON list, which is that row's error.\n\n"
        "Remove one of the two.",
        _seller('{"orders_7d": 40, "orders_7d": 41}', 'seller.json:1: error[E613]: key `orders_7d`: `orders_7d` is given twice in one object\n'),
    ),
    Code(
        BAD_TABLE, "BAD_TABLE", ERROR,
        "A table of sellers that cannot be read as one",
        "`tspol eval` reads a CSV file by its header row and a Parquet file by its columns: each "
        "column names an input of the policy, `seller_id` or `region`. This table has a column "
        "named twice or not named, a Parquet column of a type that is not a number (an input), "
        "text (`region`) or text or a whole number (`seller_id`), or it is not UTF-8 text (CSV) "
        "or not a Parquet file at all; or a CSV quote is never closed (the error names the line "
        "where it opens), a CSV line ends in CR alone, or a JSON list is over 16 MiB. Every row "
        "would fail alike, or which cells belong to which row cannot be told, so nothing is "
        "decided. (A "
        "column that names no input is E601; a row with more or fewer cells than the header is "
        "that row's E610, and the other rows are still decided.)\n\n"
        "Fix the header or the column's type.",
        Example((("sellers.csv", "orders_7d,late_orders,orders_7d\n40,12,40\n"),),
                "tspol eval --region US sellers.csv",
                "sellers.csv:1: error[E614]: key `orders_7d`: the column `orders_7d` is named twice\n"),
    ),
    Code(
        WHAT_IF, "WHAT_IF", ERROR,
        "A --what-if change this seller cannot take",
        "`tspol eval --what-if INPUT=+N` decides each seller again with N more of an input, and of "
        "every total it is part of (one more late order is one more order); `INPUT=N` with exactly "
        "N. A seller who does not give the input, or one of its totals, has nothing to add to; and a "
        "change that leaves the seller impossible (a part above its total, a count below 0) cannot "
        "be decided. The seller's line gets an error record; the other lines are still decided.\n\n"
        "Give the input on the line, or change it by an amount the seller can take.",
        Example((("seller.json", '{"orders_7d": 40}\n'),),
                "tspol eval --region US --what-if late_orders=+3 seller.json",
                "seller.json:1: error[E615]: key `late_orders`: --what-if: `late_orders` is not given, so it "
                "cannot grow by 3\n"),
    ),
    Code(
        INTERNAL, "INTERNAL", ERROR,
        "A bug in tspol while deciding one seller",
        "Deciding this line failed for a reason that is not the input's fault: a bug in tspol. "
        "The line gets an error record in its place, and the other lines are still decided; the "
        "exit code is 1. (A bug anywhere else stops the command with exit code 3 and a line "
        "saying so.)\n\n"
        "Please report it, with the line of input.",
        Example((("sellers.jsonl", '{"orders_7d": 40}\n'),), "tspol eval --region US sellers.jsonl",
                "sellers.jsonl:1: error[E619]: internal error: ZeroDivisionError: division by zero; "
                "this is a bug in tspol, please report it\n", runs=False),
    ),
    # ---- E70x: events
    Code(
        BAD_JSON, "BAD_JSON", ERROR,
        "An event line that is not a JSON object",
        "Events are JSON Lines, read as `tspol eval` reads sellers: one JSON object a line (blank "
        "lines are skipped, and still counted). This line does not parse (the message says "
        "where), nests too deeply, has something after its object, or holds something other than "
        "an object.\n\n"
        "Write one event object a line.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", '
                '"points": 7\n', "events.jsonl:1: error[E700]: malformed JSON: Expecting ',' delimiter at the end of the line (column 93)\n"),
    ),
    Code(
        BAD_KIND, "BAD_KIND", ERROR,
        "An unknown kind of event",
        "Every event's `kind` is `violation`, `metrics`, `appeal`, `hold`, "
        "`investigation_closed` or `link`. The other problems of the line are reported too.\n\n"
        "Use one of those kinds.",
        _events('{"date": "2024-08-01", "kind": "warning", "id": "v1"}\n', 'events.jsonl:1: error[E701]: key `kind`: unknown kind "warning"; expected "violation", "metrics", "appeal", "hold", "investigation_closed", "link"\n'),
    ),
    Code(
        MISSING_KEY, "MISSING_KEY", ERROR,
        "An event without a key it needs",
        "Every event has a `date` and a `kind`, and each kind its own keys: a violation `id`, "
        "`rule` and `points`; metrics `id` and `metrics`; an appeal `violation` and `outcome`; a "
        "hold `id`, `violation` and `days`; `investigation_closed` its `hold`; a link its "
        "`account`. In a file of many sellers' events, every event has its `seller_id`.\n\n"
        "Add the key named.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch"}\n',
                'events.jsonl:1: error[E702]: key `points`: a violation event needs `points`\n'),
    ),
    Code(
        EVENT_BAD_VALUE, "EVENT_BAD_VALUE", ERROR,
        "An event value of the wrong form",
        "A value does not have the form its key needs: a date is `\"YYYY-MM-DD\"` and a real "
        "calendar day; ids are non-empty strings; `points` is a whole number, 0 or more; `days` a "
        "whole number, 1 or more; `metrics` an object; `outcome` `\"accepted\"` or "
        "`\"rejected\"`; `note` text; `seller_id` a non-empty string or a whole number, each "
        "seller's written one way (`7` and `\"7\"` in one file are an error, not two sellers). A "
        "day asked of a ledger in Python (`state(on)`) that is no date is E703 too.\n\n"
        "Write the value as the message says.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", '
                '"points": -7}\n', 'events.jsonl:1: error[E703]: key `points`: expected a whole number of points, 0 or more, got -7\n'),
    ),
    Code(
        UNKNOWN_KEY, "UNKNOWN_KEY", ERROR,
        "A key that its kind of event does not have",
        "Each kind of event has a fixed set of keys, and every event may carry `note`, free text "
        "the ledger does not read. An unknown key is an error, not ignored, since it is usually "
        "a misspelt key the ledger needs; the message lists the keys of the kind.\n\n"
        "Fix or remove the key; put remarks in `note`.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", '
                '"points": 7, "reason": "late"}\n', 'events.jsonl:1: error[E704]: key `reason`: unknown key for a violation event; expected `date`, `kind`, `id`, `rule`, `points`, `note`\n'),
    ),
    Code(
        DUPLICATE_ID, "DUPLICATE_ID", ERROR,
        "An id used twice, an investigation closed twice, or an account linked twice",
        "Violation, metrics and hold events have ids unique among the seller's events (in a file "
        "of many sellers, each seller's ids are its own), since appeals and holds name them. The "
        "code also marks a second `investigation_closed` of one hold and a second `link` of one "
        "account. The message names the line of the first.\n\n"
        "Give each event an id of its own; remove the repeated event.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 7}\n'
                '{"date": "2024-08-02", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 3}\n',
                'events.jsonl:2: error[E705]: key `id`: id "v1" is already used on line 1\n'),
    ),
    Code(
        UNKNOWN_REFERENCE, "UNKNOWN_REFERENCE", ERROR,
        "An event names an id that no event of its seller has",
        "An appeal or a hold names a violation or metrics event by its id, and "
        "`investigation_closed` names a hold. No event of the seller has that id (in a file of "
        "many sellers, only the seller's own events count), or the event with it is of another "
        "kind. An event that names one coming after it in the ledger's order is E707.\n\n"
        "Fix the id.",
        _events('{"date": "2024-08-01", "kind": "appeal", "violation": "v9", "outcome": "accepted"}\n', 'events.jsonl:1: error[E706]: key `violation`: "v9" is not the id of a violation or metrics event\n'),
    ),
    Code(
        EVENT_OUT_OF_ORDER, "EVENT_OUT_OF_ORDER", ERROR,
        "An event names one that comes after it in the ledger's order",
        "The ledger takes events by date, whatever order the file gives them in, and the events "
        "of one day in the file's order (D12). An appeal or a hold names a violation or metrics "
        "event, and `investigation_closed` a hold, that comes before it in that order; this one "
        "names an event dated after it, or on the same day but on a line below it. An appeal "
        "before its penalty means nothing: the date or the id is usually wrong.\n\n"
        "Fix the date; on one day, put the event named on a line above the one that names it.",
        _events('{"date": "2024-08-01", "kind": "appeal", "violation": "v1", "outcome": "accepted"}\n'
                '{"date": "2024-08-02", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 7}\n',
                'events.jsonl:1: error[E707]: key `violation`: "v1" is the violation on line 2, dated 2024-08-02, '
                'after this appeal (2024-08-01): expected an appeal dated on or after the violation it names\n'),
    ),
    Code(
        EVENTS_UNREADABLE, "EVENTS_UNREADABLE", ERROR,
        "An events file or line that cannot be read, or is not UTF-8",
        "Events are read a line at a time, as UTF-8 text: this line is not UTF-8 (the message "
        "gives the byte and its column), or is longer than a line may be (1 MiB); or the file, "
        "given by its path (`policy.ledger(\"events.jsonl\")` in Python), does not exist or "
        "cannot be read.\n\n"
        "Save the file as UTF-8; check the path.",
        Example((("events.jsonl", '{"date": "2024-08-01", "kind": "link", "account": "a2", "note": "Zürich"}\n'),),
                "tspol simulate --region US events.jsonl", 'events.jsonl:1: error[E708]: this line is not UTF-8 text: byte 0xfc at column 67 (invalid start byte)\n', encoding="latin-1"),
    ),
    Code(
        EVENT_DUPLICATE_KEY, "EVENT_DUPLICATE_KEY", ERROR,
        "A key given twice in one event",
        "Most JSON readers keep the last of two values of a key without a word; tspol refuses "
        "the event, since which value was meant cannot be told (as `tspol eval` refuses a seller, "
        "E613).\n\n"
        "Remove one of the two.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", "id": "v2", "rule": "late_dispatch", '
                '"points": 7}\n', 'events.jsonl:1: error[E709]: key `id`: `id` is given twice in one object\n'),
    ),
    # ---- E71x, E72x: the ledger
    Code(
        UNKNOWN_RULE, "UNKNOWN_RULE", ERROR,
        "A violation names no rule or reason of the policy",
        "A violation event's `rule` is a rule of the policy in the seller's region, or a reason "
        "of the violation-reason catalogue (for points the platform sets itself). This one is "
        "neither (the help gives the closest name), or it is a rule of other regions only.\n\n"
        "Fix the name, or name the catalogue reason.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "late_dispach", "points": 7}\n',
                ('events.jsonl:1: error[E710]: key `rule`: `late_dispach` is neither a rule nor a reason of the policy\n'
                 '  help: did you mean `late_dispatch`?\n')),
    ),
    Code(
        LEDGER_UNKNOWN_REGION, "LEDGER_UNKNOWN_REGION", ERROR,
        "A ledger in a region the policy does not have",
        "The region of a seller's ledger (`region=` of `Policy.ledger`, or the `region` of a "
        "metrics event) is one the policy declares; names are compared exactly. The message "
        "lists the policy's regions.\n\n"
        "Use one of the regions listed.",
        _events('{"date": "2024-08-01", "kind": "metrics", "id": "m1", "region": "XX", '
                '"metrics": {"orders_7d": 40}}\n', 'events.jsonl:1: error[E711]: key `region`: unknown region `XX`; this policy has US, SEA, UK\n'),
    ),
    Code(
        HOLD_PERIOD, "HOLD_PERIOD", ERROR,
        "A hold for a number of days outside its period",
        "A hold event's `days` is the hold period chosen, within the period of its hold scenario "
        "in the policy (`period 90d to 180d`).\n\n"
        "Choose a number of days within the period.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", '
                '"rule": "significantly_not_as_described", "points": 12}\n'
                '{"date": "2024-08-02", "kind": "hold", "id": "h1", "violation": "v1", "days": 30}\n', 'events.jsonl:2: error[E712]: key `days`: a snad hold lasts 90 to 180 days, not 30\n'),
    ),
    Code(
        HOLD_SCENARIO, "HOLD_SCENARIO", ERROR,
        "A hold scenario that is unknown, or does not fit the violation",
        "A hold's scenario is the one its `scenario` key names, else the one hold of the policy "
        "whose reasons (`for ...`) include the reason of the violation held. Here the scenario "
        "named is unknown or for other reasons; or no scenario covers the violation (a rule "
        "without a reason, say); or several do, and the event must name one.\n\n"
        "Name the scenario with `scenario`, or hold a violation whose reason a scenario covers.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", '
                '"rule": "significantly_not_as_described", "points": 12}\n'
                '{"date": "2024-08-02", "kind": "hold", "id": "h1", "violation": "v1", "days": 90, '
                '"scenario": "fraud"}\n', 'events.jsonl:2: error[E713]: key `scenario`: unknown hold scenario `fraud`; expected one of snad, fake_orders, fake_shipping\n'),
    ),
    Code(
        NO_EVALUATOR, "NO_EVALUATOR", ERROR,
        "A metrics event that cannot be decided: no evaluator, or no region",
        "A metrics event is decided by the policy on its day, which takes an evaluator (a ledger "
        "from `Policy.ledger` or `tspol simulate` has one; a `Ledger` built without `evaluate=` "
        "has none) and a region: the ledger's, else the policy's only region, else the `region` "
        "of a metrics event. One of the two is missing.\n\n"
        "Build the ledger with `Policy.ledger`, and give it a region.",
        _python_report("tspol.load().ledger(events)\n", 'E714: no region to decide this metrics event in: give the ledger one (`region="US"`, `--region US`) or the event a `"region"` key\n',
                       before='events = [{"date": "2024-08-01", "kind": "metrics", "id": "m1", '
                              '"metrics": {"orders_7d": 40}}]\n'),
    ),
    Code(
        NO_LEDGER, "NO_LEDGER", ERROR,
        "The policy has no `ledger` block",
        "A points ledger follows the policy's `ledger { ... }` block: how long points count and "
        "what each threshold does. A pack without one decides sellers, but keeps no points.\n\n"
        "Declare a `ledger` block, with `points expire after 180d` and the thresholds.",
        Example((("example.pol", _POLICY),
                 ("events.jsonl", '{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "r", '
                                  '"points": 7}\n')),
                "tspol simulate --policy example.pol --region US events.jsonl", ('events.jsonl: error[E716]: the policy has no `ledger { ... }` block\n'
                                                                                 '  help: declare point expiry and thresholds in a `ledger` block\n')),
    ),
    Code(
        HOLD_AFTER_REVOCATION, "HOLD_AFTER_REVOCATION", ERROR,
        "A hold on a violation already revoked",
        "The hold comes after an accepted appeal revoked the violation it holds for, so there is "
        "nothing to hold funds for.\n\n"
        "Remove the hold, or check the order of the appeal and the hold.",
        _events('{"date": "2024-08-01", "kind": "violation", "id": "v1", '
                '"rule": "significantly_not_as_described", "points": 12}\n'
                '{"date": "2024-08-02", "kind": "appeal", "violation": "v1", "outcome": "accepted"}\n'
                '{"date": "2024-08-03", "kind": "hold", "id": "h1", "violation": "v1", "days": 90}\n', 'events.jsonl:3: error[E717]: key `violation`: v1 was revoked by the appeal accepted on line 2, before this hold\n'),
    ),
    Code(
        NO_DATE, "NO_DATE", ERROR,
        "No day to show a ledger's state on",
        "A ledger's state is of one day: the one asked for (`--on`, `state(on)`), else the day "
        "of the last event. With no events and no day asked for, there is no day.\n\n"
        "Name the day (`--on 2024-09-08`), or give events.",
        _python_report('tspol.load().ledger([], region="US").state()\n', 'E718: there are no events: name the day of the state\n'),
    ),
    Code(
        TOO_LATE, "TOO_LATE", ERROR,
        "An event dated too late for the calendar",
        "The periods of the policy that follow an event (point expiry, measures, limits, holds "
        "and appeal windows, added up) end before 9999-12-31, the last day tspol counts. An event "
        "dated so late is almost always a typo in the year.\n\n"
        "Fix the date.",
        _events('{"date": "9999-12-01", "kind": "violation", "id": "v1", "rule": "late_dispatch", "points": 7}\n',
                'events.jsonl:1: error[E719]: key `date`: 9999-12-01 is too late: the periods of the policy from that day run past 9999-12-31\n'),
    ),
    Code(
        OTHER_REGION, "OTHER_REGION", ERROR,
        "A metrics event in another region than its ledger's",
        "A seller's ledger has one region: the one given, else the policy's only region, else "
        "the first region a metrics event names. This metrics event names another.\n\n"
        "Keep each seller's events in one region, or simulate each region's events apart.",
        _events('{"date": "2024-08-01", "kind": "metrics", "id": "m1", "metrics": {"orders_7d": 40}}\n'
                '{"date": "2024-08-02", "kind": "metrics", "id": "m2", "region": "UK", '
                '"metrics": {"orders_7d": 40}}\n', "events.jsonl:2: error[E720]: key `region`: this ledger is for region US (the region given), not UK: a seller's ledger has one region\n"),
    ),
)

CODES: dict[str, Code] = {entry.code: entry for entry in REGISTRY}


# ---- looking codes up -----------------------------------------------------------------

def lookup(text: str) -> Code | None:
    """The entry of a code as a user types it: `E502`, `e502`, or `error[E502]`."""
    return CODES.get(_normalised(text))


def named(name: str) -> Code:
    """The entry whose constant is `name` (`named("DEAD_ROW").code == "E502"`); KeyError if none."""
    for entry in REGISTRY:
        if entry.name == name:
            return entry
    raise KeyError(name)


def _normalised(text: str) -> str:
    text = text.strip().upper()
    match = re.fullmatch(r"(?:ERROR|WARNING)\[(.*)\]", text)
    return match.group(1) if match else text


def suggestions(text: str) -> list[str]:
    """Registered codes close to one that is not: the same digits with the other letter
    (W503 for E503, or for 503), else the same digits in another order (W503 for E530),
    else the nearest by spelling in the same family (E61 -> E610...)."""
    text = _normalised(text)
    if len(text) > 8:
        return []  # nothing registered is close, and trying every order of many digits takes forever
    digits = text[1:] if text[:1] in ("E", "W") else text
    for candidates in ([letter + digits for letter in "EW"],
                       [letter + "".join(order) for letter in "EW"
                        for order in sorted(set(itertools.permutations(digits)))]):
        found = [c for c in candidates if c in CODES and c != text]
        if found:
            return found[:3]
    scores = {c: difflib.SequenceMatcher(None, text, c).ratio() for c in CODES if c[:2] == text[:2]}
    return sorted((c for c in scores if scores[c] >= 0.75), key=lambda c: (-scores[c], c))[:3]


# ---- text for people ------------------------------------------------------------------

WIDTH = 79
ILLUSTRATION = "an illustration: no input gives this message every time"


def _wrapped(paragraphs: str, indent: str = "") -> str:
    return "\n\n".join(textwrap.fill(p, WIDTH, initial_indent=indent, subsequent_indent=indent,
                                     break_on_hyphens=False, break_long_words=False)
                       for p in paragraphs.split("\n\n"))


def _indented(text: str, indent: str) -> str:
    return "".join(indent + line if line.strip() else line for line in text.splitlines(keepends=True))


def explain_text(entry: Code) -> str:
    """The entry as `tspol explain CODE` prints it."""
    example = entry.example
    parts = [f"{entry.severity}[{entry.code}]: {entry.summary}\n", _wrapped(entry.explanation) + "\n",
             "Example:\n"]
    for path, text in example.files:
        saved = "" if example.encoding == "utf-8" else f" (saved as {example.encoding}, not UTF-8)"
        parts.append(f"  {path}{saved}:\n{_indented(text, '    ')}")
    shown = "" if example.runs else f"  ({ILLUSTRATION})\n"
    parts.append(f"{shown}  $ {example.command}\n{_indented(example.output, '  ')}")
    return "\n".join(parts)


def explain_markdown(entry: Code) -> str:
    """The entry in Markdown."""
    example = entry.example
    parts = [f"## {entry.code}: {entry.summary}\n", f"Severity: {entry.severity}.\n",
             entry.explanation + "\n", "Example:\n"]
    for path, text in example.files:
        saved = "" if example.encoding == "utf-8" else f" (saved as {example.encoding}, not UTF-8)"
        parts.append(f"`{path}`{saved}:\n\n{_fence(text, 'python' if path.endswith('.py') else '')}")
    if not example.runs:
        parts.append(f"{ILLUSTRATION}:\n")
    parts.append(_fence(f"$ {example.command}\n{example.output}", "console"))
    return "\n".join(parts)


def _fence(text: str, lang: str = "") -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{text}{fence}\n"


def list_text() -> str:
    """Every code, its severity and its summary, one a line."""
    return "".join(f"{e.code}  {e.severity:<7}  {e.summary}\n" for e in REGISTRY)


def list_markdown() -> str:
    """Every code as a row of a Markdown table (the README's list of codes)."""
    rows = ["| code | severity | summary |\n", "|---|---|---|\n"]
    rows += [f"| {e.code} | {e.severity} | {_cell(e.summary)} |\n" for e in REGISTRY]
    return "".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
