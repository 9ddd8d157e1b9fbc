"""The registry of diagnostic codes: every code tspol reports, in one table.

Each code has a severity, a one-line summary, an explanation (what it means,
why tspol says it, how to fix it) and an example: files, the command that
reads them, and the message it gives (`tests/test_codes.py` runs every example
and compares). `tspol explain CODE` prints an entry; `tspol explain --list`
lists them all, and the README's list is that output.

Every summary and explanation is in Chinese too (`summary_zh`,
`explanation_zh`, beside the English: change both together), written for a
policy author who reads Chinese, in the words of the policy's own Chinese text
(违规分, 限单, 违规原因准则, ...); code, keywords and options stay as they are
(`tests/test_codes_zh.py` holds them to the English). The examples are the
same in both languages, and show what tspol prints in English.
`tspol explain CODE --lang zh` prints the Chinese.

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
# levels (issue 11): an ordered set of outcomes
LEVELS_NO_DEFAULT = "E210"
TWO_LEVELS = "E211"
NO_CHINESE_NAME = "W201"
# E24x: issue 11, evaluation cadence (tspol.dsl.checker)
UNKNOWN_WEEKDAY = "E240"
BAD_MONTH_DAY = "E241"
# params (issue 11, tspol.dsl.params)
PARAM_NO_VALUE = "E260"
PARAM_MISPLACED = "E261"
PARAM_GAP = "W260"
WINDOW_MISPLACED = "E262"  # windows chosen by volume (issue 11)
# E3xx, W3xx: types and units (tspol.dsl.checker)
TYPE_MISMATCH = "E300"
UNIT_MISMATCH = "E301"
NOT_WHOLE = "E302"
BAD_COMPARISON = "E303"
DIRECTION = "W300"
# E32x: arithmetic on metrics (issue 11; tspol.dsl.checker)
ARITH_KINDS = "E320"
ARITH_TERM = "E321"
ARITH_WEIGHT = "E322"
ARITH_DENOMINATORS = "E323"
WINDOW_CASE_TYPE = "E324"  # windows chosen by volume (issue 11)
PARAM_TYPE = "E360"  # params (issue 11)
# E4xx: ranges and order (tspol.dsl.checker)
EMPTY_RANGE = "E400"
PERCENT_RANGE = "E401"
OUT_OF_ORDER = "E402"
INCONSISTENT = "E403"
# E45x: a more general ledger (issue 11) (tspol.dsl.checker)
RESET_DAY = "E450"
UNTIL_NO_STANDARD = "E451"
UNTIL_NOT_EVALUATED = "E452"
# E48x: a more general ledger (issue 11): signed scores (tspol.dsl.checker)
SCORE_CAP = "E480"
SCORE_CONFLICT = "E481"
SCORE_REGAIN_PERIOD = "E482"
SCORE_THRESHOLD = "E483"
# E44x: issue 11, points from the catalogue (tspol.dsl.checker)
RANGE_BACKWARDS = "E440"
POINTS_OUTSIDE = "E441"
PARAM_CASE_UNREACHED = "E460"  # params (issue 11)
WINDOW_CASE_UNREACHED = "E461"  # windows chosen by volume (issue 11)
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
# E74x: issue 11, points from the catalogue (tspol.runtime.ledger)
EVENT_POINTS_OUTSIDE = "E740"
EVENT_POINTS_NOT_IN_TABLE = "E741"
# W74x: issue 11, evaluation cadence (tspol.runtime.ledger)
OFF_CADENCE = "W740"
# E27x, W27x, E47x: versions in one pack (issue 11: versions; tspol.dsl.versions)
AMENDMENT_REMOVES_NOTHING = "E270"
AMENDMENT_VERSION_TWICE = "E271"
AMENDMENT_EXPIRY_SILENT = "E272"
AMENDMENT_ADDS = "W270"
CARRYOVER_UNCHANGED = "W271"
AMENDMENT_DATE = "E470"
CARRYOVER_DATE = "E471"
AMENDMENT_LEDGER_KIND = "E472"
NO_VERSION = "E750"


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
    summary_zh: str = ""  # the summary and the explanation in Chinese (the example is the same)
    explanation_zh: str = ""

    def summary_in(self, lang: str = "en") -> str:
        return self.summary_zh if lang == "zh" else self.summary

    def explanation_in(self, lang: str = "en") -> str:
        return self.explanation_zh if lang == "zh" else self.explanation


_POLICY = 'policy p { version "1" effective 2024-01-01 }\nregion US\n'
_COUNTS = _POLICY + "input orders: count\ninput late: count { part of orders }\n"
_RATE = _COUNTS + "metric LDR = late / orders\n"
_UNTIL_LEDGER = ("measure stop\nledger {\n  points expire after 30d\n  threshold 4 {\n"
                 "    stop until LDR is within standard\n  }\n}\n")

_WINDOWS = (_COUNTS + "input orders_12m: count\ninput late_12m: count { part of orders_12m }\n"
            "metric LDR = late / orders\nmetric LDR_12m = late_12m / orders_12m\n")
_WINDOWED = _WINDOWS + "metric ODR: rate {\n  when orders >= 400 then LDR\n  otherwise LDR_12m\n}\n"
_WINDOWED_BAD = _WINDOWS + "metric ODR: rate {\n  when orders >= 400 then LDR\n  otherwise late_12m\n}\n"
_WINDOWED_UNREACHED = (_WINDOWS + "metric ODR: rate {\n  when orders >= 400 then LDR\n"
                      "  when orders >= 500 then LDR\n  otherwise LDR_12m\n}\n")


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
        summary_zh="给出的路径下没有政策文件",
        explanation_zh=(
            "政策包是一个 `.pol` 文件,或包含 `.pol` 文件的文件夹(递归查找)。"
            "传给命令的路径(PATH 参数、`--policy`,"
            "或 Python 中的 `tspol.load(path)`)不存在,"
            "或者是一个其下找不到任何 `.pol` 文件的文件夹,因此没有政策可读。\n\n"
            "请给出存放政策包 `.pol` 文件的文件夹,或其中的一个文件。不给路径时,"
            "命令使用 `./policies`(如果存在),否则使用内置的政策包。"),
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
        summary_zh="政策文件无法读取,或不是 UTF-8 文本",
        explanation_zh=(
            "政策包的每个 `.pol` 文件都按 UTF-8 文本读取。这个文件要么根本无法读取(没有权限,"
            "或是指向不存在文件的符号链接),要么不是 UTF-8:"
            "含有不属于 UTF-8 的字节(错误报告在该字节所在的行和列),"
            "或是以 UTF-16 保存的文件(以 UTF-16 字节顺序标记开头)。"
            "UTF-8 的字节顺序标记没有问题。\n\n请把文件另存为 UTF-8、让它可读,或删除失效的链接。"),
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
        summary_zh="命令需要 tspol 的一个可选组件,但它没有安装",
        explanation_zh=(
            "编译出的 Python 模块只需要标准库,所以 tspol 中较重的部分作为可选组件(extra"
            ")提供:`tspol[duckdb]`(DuckDB 和 sqlglot,"
            "用于 SQL 后端和 `--target duckdb`)。需要某个组件的命令会说明是哪一个。\n\n"
            "请安装它指出的组件,例如 `pip install 'tspol[duckdb]'`。"),
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
        summary_zh="SQL 后端无法精确判定的政策包",
        explanation_zh=(
            "SQL 后端用整数和 DECIMAL(38, 18) 判定:比较比率时,"
            "把它的两个计数与边界值的分子、分母交叉相乘,分子和分母都必须少于 20 位;另外,"
            "只有大小写不同的两个名称在 SQL 中是同一个名称。超出其中任一限制的政策包会得到这个错误,"
            "而不是一条可能答错或执行失败的查询。Python 模块和 `tspol eval` 照常判定这个"
            "政策包。\n\n请减少边界值的小数位数,或让输入项的名称不只是大小写不同。"),
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
        summary_zh="语法错误:这里的文本不是语言所预期的",
        explanation_zh=(
            "解析器在这里遇到了不能出现在此处的词或字符。消息会用文字说明期望的是什么(`then`、"
            "一个比较、一个百分比如 4% 等)以及实际遇到了什么;对常见的错误,"
            "help 行还会给出正确写法:行中缺少 `then`、多个动作之间没有用逗号分隔、"
            "用 `=` 代替 `==`、关键字或动作拼错(附“是否想写”)、"
            "关键字与后面的词连在一起(`when80%`)、使用 `!=`(应写 `not (x == 1)"
            "`)、使用 `else`(兜底的最后一行写作 `otherwise ACTIONS`,"
            "不带 `then`)、`otherwise` 行不是所在表的最后一行、"
            "用中文输入法打出的全角字符,以及语句还没写完就换了行。\n\n"
            "每个有语法错误的声明都会报告,各报它的第一个错误。政策包中只要有文件无法解析,就不检查名称,"
            "因为名称可能声明在无法解析的部分里。请按 help 行修改文本,然后再次检查。"),
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
        summary_zh="块的 `{` 没有对应的 `}`",
        explanation_zh=(
            "解析文件之前会先配对花括号,这样未闭合的块会在它开始的地方报告,而不是在文件末尾。"
            "花括号不配对时,由缩进判断是哪个块缺少 `}`:位于行首的 `}` 闭合首行缩进与它相同的那个未"
            "闭合的块。引号内文本和注释中的花括号不计;全角花括号(`｛`、`｝`)要计入,"
            "以便把它们作为需要重新输入的字符报告出来。\n\n请在块结束的地方加上 `}`。"),
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
        summary_zh="没有闭合任何块的 `}`",
        explanation_zh=(
            "这个右花括号之前没有未闭合的块:通常是一个块被闭合了两次,"
            "或者删除一行时把行上的 `{` 一起删掉了。\n\n请删除这个 `}`,或补上它本应闭合的 `{`。"),
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
        summary_zh="有问题的引号文本:没有在本行闭合、含有控制字符,或有未知的转义",
        explanation_zh=(
            "文本(`name en \"...\"`、`description`、`example`、"
            "`version`)写在一行之内的双引号中。可能是行尾之前缺少右引号;"
            "或者文本中含有控制字符(制表符可以直接输入;其他控制字符、行分隔符、"
            "段分隔符和单独的代理项只能写成转义);或者反斜杠开始了一个 tspol 不认识的转义序列:"
            "在引号内,用 `\\\"` 表示引号,`\\\\` 表示反斜杠,`\\n` 表示换行,"
            "`\\t` 表示制表符,`\\r` 表示回车。\n\n请在文本开始的那一行闭合它;要写反斜杠,请写两个。"),
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
        summary_zh="政策中的数字过大,或小数位数过多",
        explanation_zh=(
            "政策中写的数字必须小于 10^18(小数点前最多 18 位),"
            "最多有 36 位小数(末尾的零不计):tspol 读取的任何值都不会更大(E608),"
            "也没有哪个比较需要更多位数。数字在读取时、构造出精确值之前就会被拒绝,"
            "所以处理一个上千位的数字不会比读它的文本更费事。\n\n"
            "请检查这个数字:通常是数字重复输入了,或者用错了单位。"),
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
        summary_zh="政策包中没有声明的名称",
        explanation_zh=(
            "政策包用到的每个名称都要在包中声明:`part of`、指标和基数所用的输入项;"
            "条件中的输入项和指标;规则的地区;`on` 后面的指标;违规原因、类目和处罚措施(在行中、"
            "`may` 中和阈值中);限单的基数。未知的名称在它写出的地方报告,"
            "附上最接近的已声明名称(是否想写),依赖它的内容不再重复报告。\n\n"
            "请修正拼写,或声明这个名称。政策包中有文件存在语法错误时不检查名称(名称可能就声明在那个文件里)"
            "。"),
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
        summary_zh="同一内容定义或写了两次",
        explanation_zh=(
            "一个名称声明了两次(两个地区、输入项、指标、处罚措施、违规原因、冻结场景,或同一规则的两个表;"
            "输入项、指标和基数共用同一套名称),同一地区的规则定义了两次,或者同一件事写了两次:"
            "政策包中有两个 `policy`、`ledger` 或 `appeals` 块;"
            "`version` 或 `effective` 写了两次;同一文本(`name en`)"
            "写了两次;第二个 `part of`、方向、标准或取整方式;一行中同一个动作出现两次;"
            "同一阈值写了两次;`may` 中的地区、处罚措施或名称列了两次。报告的是第二处,"
            "并在第一处附注说明。\n\n"
            "请保留其中一个,或给另一个起它自己的名字。对重复声明的名称的使用不再重复报告。"),
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
        summary_zh="缺少政策包必需的内容",
        explanation_zh=(
            "有些声明是必需的,块中的有些条目也是:政策包的 `policy` 及其 `version` 和"
            " `effective` 日期;基数的取整方式(`round down` 或 `round u"
            "p`);`ledger` 中违规分何时过期、一次计分跨过多个阈值时适用哪些处罚措施(`multi"
            "ple thresholds apply highest` 或 `all`),"
            "以及停用期间违规分冻结时的 `deactivate at`;`appeals` 块的三行;"
            "冻结的 `period` 及其何时 `ends`;"
            "含 `otherwise` 行的规则的指标(`on METRIC`),"
            "因为该行在这个指标有值而其他行都不匹配时触发。tspol 不会为其中任何一项猜测默认值,"
            "因为每一项都会改变卖家受到的处理。\n\n"
            "请补上 help 行指出的内容。政策包缺少什么,只在它的所有文件都能解析时才报告。"),
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
        summary_zh="这里不允许的值",
        explanation_zh=(
            "值的形式正确,但在这里无效:`effective` 日期不是日历上存在的日期(2024-02-3"
            "0);文本的语言不是 `en` 或 `zh`,或文本为空;"
            "时长输入项没有单位(`in minutes`、`in hours`、`in days`),"
            "金额输入项没有三个字母的币种,或给没有单位的类型加了单位;输入项 `part of` 它自己;"
            "按整日计算的天数写成了小时或分钟;需要大于零的地方写了零(违规分、限单天数、阈值);"
            "数字超出政策的范围(天数最多 36,500,其他整数最多 1,000,000);"
            "在指标的 `standard` 或 `only if` 中使用 `or` 或 `not`(这两处"
            "只能是用 `and` 连接的比较);一行的条件把 `or` 和 `not` 展开后超过 64 个"
            "分支。\n\n请按 help 行所示写这个值。"),
    ),
    # ---- E21x: levels (issue 11), an ordered set of outcomes
    Code(
        LEVELS_NO_DEFAULT, "LEVELS_NO_DEFAULT", ERROR,
        "A level set without a default level",
        "A `levels NAME { ... }` block lists its levels best first, and says with `default LEVEL` "
        "the level of a seller whom no row that fired places in the set (who meets every standard, "
        "or whose metrics are not evaluated). tspol guesses no default: the best level is not "
        "always right (a new seller may start in the middle).\n\n"
        "Add `default LEVEL`, naming one of the set's levels.",
        _pol(_POLICY + "levels health {\n  level green\n  level red\n}\n",
             ('example.pol:3:8: error[E210]: level set `health` has no default level\n'
              '  3 | levels health {\n'
              '    |        ^^^^^^\n'
              '  help: add `default LEVEL`: the level of a seller no row places\n')),
        summary_zh="等级集没有默认等级",
        explanation_zh=(
            "`levels NAME { ... }` 块按从好到差的顺序列出等级,并用 `default LEVEL` "
            "说明没有任何触发的行给出等级的卖家(各项指标都达标,或指标未评估)的等级。"
            "tspol 不猜测默认等级:最好的等级并不总是对的(新卖家可能从中间开始)。\n\n"
            "请加上 `default LEVEL`,写出该等级集中的一个等级。"),
    ),
    Code(
        TWO_LEVELS, "TWO_LEVELS", ERROR,
        "A row that gives two levels of one level set",
        "A row's `level SET LEVEL` action gives the seller a level of that set; a seller's level is "
        "the worst level any row that fired gives, else the set's default. One row giving two "
        "levels of the same set says one of them for nothing, and is usually a slip. Rows may give "
        "levels of different sets.\n\n"
        "Keep one level of each set in the row (the worse one is the one that counts).",
        _pol(_COUNTS + "levels health {\n  level green\n  level red\n  default green\n}\n"
             "rule r in US {\n  table {\n    when orders > 10 then level health red, level health green\n  }\n}\n",
             ('example.pol:12:45: error[E211]: this row already gives a level of level set `health`\n'
              '  12 |     when orders > 10 then level health red, level health green\n'
              '     |                                             ^^^^^^^^^^^^^^^^^^\n'
              '  note: example.pol:12:27: first here\n'
              '  help: a row gives one level of each set: keep the worse one\n')),
        summary_zh="一行给出了同一等级集的两个等级",
        explanation_zh=(
            "行中的 `level SET LEVEL` 动作给卖家该等级集中的一个等级;卖家的等级是所有触发的行给出的"
            "最差等级,没有则为该等级集的默认等级。一行给出同一等级集的两个等级,其中一个毫无作用,"
            "通常是笔误。一行可以给出不同等级集的等级。\n\n"
            "请在这一行中每个等级集只保留一个等级(起作用的是较差的那个)。"),
    ),
    # ---- E24x: issue 11, evaluation cadence
    Code(
        UNKNOWN_WEEKDAY, "UNKNOWN_WEEKDAY", ERROR,
        "A weekly cadence on a name that is no day of the week",
        "A rule may say when it is evaluated: `evaluated daily`, `evaluated weekly on monday` "
        "(a day of the week in English, lower case) or `evaluated monthly on day 20`. This "
        "weekly cadence names no day of the week.\n\n"
        "Write one of monday, tuesday, wednesday, thursday, friday, saturday, sunday.",
        _pol(_RATE + "rule r in US {\n  on LDR\n  evaluated weekly on munday\n}\n",
             ('example.pol:8:23: error[E240]: `munday` is not a day of the week\n'
              '  8 |   evaluated weekly on munday\n'
              '    |                       ^^^^^^\n'
              '  help: write `weekly on monday`\n')),
        summary_zh="每周评估时间写的不是星期几",
        explanation_zh=(
            "规则可以写明评估时间:`evaluated daily`、`evaluated weekly on monday`"
            "(英文小写的星期几)或 `evaluated monthly on day 20`。这个每周评估时间写的不是星期几。\n\n"
            "请写 monday、tuesday、wednesday、thursday、friday、saturday、sunday 之一。"),
    ),
    Code(
        BAD_MONTH_DAY, "BAD_MONTH_DAY", ERROR,
        "A monthly cadence on no day of a month",
        "`evaluated monthly on day N` evaluates a rule on day N of each month, N a whole number "
        "from 1 to 31; a month shorter than N is evaluated on its last day (day 31 is each "
        "month's last day). This N is not such a number.\n\n"
        "Write a day from 1 to 31.",
        _pol(_RATE + "rule r in US {\n  on LDR\n  evaluated monthly on day 32\n}\n",
             ('example.pol:8:28: error[E241]: a day of the month is a whole number from 1 to 31, not `32`\n'
              '  8 |   evaluated monthly on day 32\n'
              '    |                            ^^\n'
              '  help: write `evaluated monthly on day 20`\n')),
        summary_zh="每月评估时间写的不是某月的一天",
        explanation_zh=(
            "`evaluated monthly on day N` 在每月第 N 天评估规则,N 是 1 到 31 的整数;"
            "不足 N 天的月份在其最后一天评估(day 31 即每月最后一天)。这个 N 不是这样的数。\n\n"
            "请写 1 到 31 之间的一天。"),
    ),
    # ---- params (issue 11): values that depend on the seller's volume or region
    Code(
        PARAM_NO_VALUE, "PARAM_NO_VALUE", ERROR,
        "A param with no value in a region where a rule compares with it",
        "A param's cases are tried in order and the first that holds gives its value; a case `in "
        "REGIONS` holds only in those regions. A rule of this region compares with the param, but "
        "no case of the param can hold there (no `in` case names the region, and there is no "
        "`when` case and no `otherwise`), so the comparison could never hold and the row never "
        "fire in that region. That is almost always a region left out.\n\n"
        "Add a case for the region (`in UK then 3%`), or an `otherwise` case for every region "
        "the cases before it leave out.",
        _pol(_RATE + "region UK\nparam limit: rate { in US then 4% }\nrule r in US, UK {\n  table {\n"
             "    when LDR >= limit then points 2\n  }\n}\n",
             'example.pol:10:17: error[E260]: param `limit` has no value in UK, where rule `r` compares with it\n'
             '  10 |     when LDR >= limit then points 2\n'
             '     |                 ^^^^^\n'
             '  note: example.pol:7:7: the param\n'
             "  help: add a case `in UK then ...`, or `otherwise ...`\n"),
        summary_zh="参数在某个地区没有取值,而该地区的规则与它比较",
        explanation_zh=(
            "参数的各个情形按顺序判断,第一个成立的情形给出它的取值;`in REGIONS` 情形只在这些地区成立。"
            "这个地区的一条规则与该参数比较,但参数在那里没有任何情形能成立(没有 `in` 情形写到这个地区,"
            "也没有 `when` 情形或 `otherwise`),所以这个比较永远不成立,这一行在该地区永远不会触发。"
            "这几乎总是漏写了一个地区。\n\n"
            "请为这个地区加上一个情形(`in UK then 3%`),或加上 `otherwise` 情形,"
            "给前面的情形未覆盖的所有地区一个取值。"),
    ),
    Code(
        PARAM_MISPLACED, "PARAM_MISPLACED", ERROR,
        "A param where only an input, a metric or a value belongs",
        "A param is compared with one input or metric of its type, in a row: `ODR >= ODR_limit`. "
        "It cannot be compared with a value (`limit >= 5%`, which the param's own cases say) or "
        "with another param, nor stand in a range of three operands (write two comparisons "
        "joined by `and`). A metric's `standard`, an `only if` and a param's own cases are "
        "conditions on inputs and metrics with values: tspol cannot yet say a standard that "
        "depends on a param, and does not guess one.\n\n"
        "Compare the param with the input or metric it bounds, in the rows of a rule; write a "
        "standard, an `only if` and a case with values.",
        _pol(_RATE + "param limit: rate { otherwise 4% }\nrule r in US {\n  table {\n"
             "    when limit >= 5% then points 2\n  }\n}\n",
             'example.pol:9:10: error[E261]: param `limit` is compared with one input or metric, as in `ODR < limit`\n'
             '  9 |     when limit >= 5% then points 2\n'
             '    |          ^^^^^^^^^^^\n'
             "  help: write `NAME < limit`: a range of two bounds is two comparisons joined by `and`\n"),
        summary_zh="参数出现在只能写输入项、指标或数值的地方",
        explanation_zh=(
            "参数在行中与一个同类型的输入项或指标比较:`ODR >= ODR_limit`。"
            "它不能与数值比较(`limit >= 5%`,数值由参数自己的情形给出),也不能与另一个参数比较,"
            "也不能放在三个操作数的区间中(请写成用 `and` 连接的两个比较)。"
            "指标的 `standard`、`only if` 和参数自己的情形,都是用数值写的关于输入项和指标的条件:"
            "tspol 目前还不能表达取决于参数的标准,也不会去猜一个。\n\n"
            "请在规则的各行中把参数与它所界定的输入项或指标比较;标准、`only if` 和情形请用数值写。"),
    ),
    # ---- windows chosen by volume (issue 11)
    Code(
        WINDOW_MISPLACED, "WINDOW_MISPLACED", ERROR,
        "A windowed metric where only a metric of one definition can be",
        "A metric whose definition is chosen by cases (`metric ODR: rate { when ... then ODR_3m "
        "otherwise ODR_12m }`) is compared with values in the rows of a rule: `when ODR >= 1%`. "
        "A standard, an `only if`, a case of a param or of another windowed metric, and a "
        "comparison with another input, metric or param take a metric of one definition.\n\n"
        "Compare the windowed metric with a value in a row, or name the metric of one window.",
        _pol(_WINDOWED + "rule r in US {\n  table {\n    when ODR >= LDR then points 2\n  }\n}\n",
             'example.pol:15:10: error[E262]: `ODR` is a windowed metric: its definition is chosen by its cases, so it is compared with a value in a row\n'
             '  15 |     when ODR >= LDR then points 2\n'
             '     |          ^^^^^^^^^^\n'
             '  help: write `ODR >= 1%`: a windowed metric is compared with values\n'),
        summary_zh="按窗口选择的指标用在了只能用单一定义指标的地方",
        explanation_zh=(
            "定义由情形选择的指标(`metric ODR: rate { when ... then ODR_3m otherwise ODR_12m }`)"
            "在规则的各行中与数值比较:`when ODR >= 1%`。标准、`only if`、参数或另一个按窗口选择的指标的情形,"
            "以及与另一个输入项、指标或参数的比较,只能用单一定义的指标。\n\n"
            "请在行中将它与数值比较,或写出某一个窗口的指标。"),
    ),
    # ---- E27x: versions in one pack (issue 11: versions; tspol.dsl.versions)
    Code(
        AMENDMENT_REMOVES_NOTHING, "AMENDMENT_REMOVES_NOTHING", ERROR,
        'An amendment removes a declaration the version before does not have',
        "An amendment's `remove` takes a declaration out of the version before it: `remove rule r` a rule, `remove rule r in UK` the rule `r` of UK (of a rule of several regions, only UK). The version before has no declaration of that kind and name (or no such rule in the regions named), so the `remove` changes nothing, and is almost always a misspelt name.\n\nName a declaration of the version before, as the did-you-mean says.",
        _pol(_POLICY + 'amendment "2" effective 2024-06-01 {\n  remove region UK\n}\n', 'example.pol:4:17: error[E270]: no region `UK` to remove\n'),
        summary_zh='修订删除了前一版本中不存在的声明',
        explanation_zh='修订中的 `remove` 从前一版本中删除一个声明:`remove rule r` 删除规则,`remove rule r in UK` 删除 UK 的规则 `r`(多个地区的规则只删去 UK)。前一版本没有这个种类和名称的声明(或在所写地区没有这条规则),所以这个 `remove` 什么也没有改变,几乎总是名称写错了。\n\n请写出前一版本中的声明,参考 did-you-mean 的提示。',
    ),
    Code(
        AMENDMENT_VERSION_TWICE, "AMENDMENT_VERSION_TWICE", ERROR,
        'Two versions of a pack with one label',
        'Each version of a pack has a label: the first the `version` of the `policy` block, each later one its amendment\'s (`amendment "2" effective ...`). `tspol diff --versions` and the history of `tspol doc` name versions by their labels, so two versions cannot share one.\n\nGive the amendment a label of its own.',
        _pol(_POLICY + 'amendment "1" effective 2024-06-01 {\n  region US\n}\n', 'example.pol:3:1: error[E271]: version "1" is said twice\n'),
        summary_zh='一个政策的两个版本名称相同',
        explanation_zh='政策的每个版本都有名称:第一个版本是 `policy` 块中的 `version`,之后每个版本是其修订的名称(`amendment "2" effective ...`)。`tspol diff --versions` 和 `tspol doc` 的版本历史按名称指代版本,所以两个版本不能同名。\n\n请给这个修订一个不同的名称。',
    ),
    Code(
        AMENDMENT_EXPIRY_SILENT, "AMENDMENT_EXPIRY_SILENT", ERROR,
        'An amendment changes when points expire without saying what points already scored keep',
        "The amendment's ledger says another `points expire after` than the version before. Points scored before the amendment could keep the expiry of the version they were scored under, or take the new one: the policy must say which, and tspol does not guess.\n\nAdd `points scored before DATE keep their expiry` or `points scored before DATE take the new expiry` to the amendment, DATE its effective date.",
        _pol(_POLICY + 'ledger {\n  points expire after 180d\n}\n' + 'amendment "2" effective 2024-06-01 {\n  ledger {\n    points expire after 90d\n  }\n}\n', 'example.pol:6:1: error[E272]: amendment "2" changes when points expire but not what happens to points already scored\n'),
        summary_zh='修订改变了违规分的失效期限,却没有说明已计的违规分如何处理',
        explanation_zh='修订中的 ledger 写了与前一版本不同的 `points expire after`。修订之前计入的违规分可以保留计分时所在版本的失效期限,也可以采用新的期限:政策必须说明是哪一种,tspol 不会猜测。\n\n请在修订中加上 `points scored before DATE keep their expiry` 或 `points scored before DATE take the new expiry`,DATE 为修订的生效日期。',
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
        summary_zh="什么也决定不了的规则或表",
        explanation_zh=(
            "没有行的表,或既没有 `on METRIC` 也没有表的规则,永远不会改变判定结果:"
            "通常是还没写完的规则,或误删了行。这是警告:`tspol check` 仍然通过,"
            "除非使用 `--strict`。\n\n"
            "请补上行(`when ... then ...`)或指标(`on METRIC`),"
            "或删除这个表或规则。"),
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
        summary_zh="政策包的其他声明有中文名,而某个规则、指标或处罚措施没有",
        explanation_zh=(
            "声明带有 `name zh` 的政策包也按中文来读:`tspol eval --lang zh` "
            "用规则、指标和处罚措施的中文名说明每个判定,`tspol doc` 把中文名列在英文旁边。"
            "在这样的政策包里,没有 `name zh` 的规则、指标或处罚措施会以代码名夹在中文中间出现,"
            "这通常是新加的声明漏了翻译。警告标在声明的名字上,并指出缺的是什么。"
            "它只是警告:`tspol check` 仍然通过,除非用了 `--strict`。\n\n"
            "在声明的块中加上 `name zh \"...\"`,用政策中文原文里的说法。"),
    ),
    # ---- params (issue 11): values that depend on the seller's volume or region
    Code(
        PARAM_GAP, "PARAM_GAP", WARNING,
        "Cases of a param that leave some sellers without a value",
        "A param has no `otherwise` case, and its `when` cases leave some sellers of a region "
        "where a rule compares with it without a value (the message names their values): for "
        "them no comparison with the param holds, so no row that compares with it fires, as for "
        "a quantity that has no value. That may be meant (the rule applies only from some volume "
        "on), but is more often a boundary left out: `when orders > 75` and no case for 75 "
        "orders or fewer. A warning: `tspol check` passes, unless with `--strict`.\n\n"
        "Add `otherwise VALUE` as the last case, or a case for the sellers named.",
        _pol(_RATE + "param limit: rate {\n  when orders > 75 then 4%\n}\nrule r in US {\n  table {\n"
             "    when LDR >= limit then points 2\n  }\n}\n",
             'example.pol:6:7: warning[W260]: param `limit` has no value in US for sellers with orders <= 75: '
             'no case holds for them, so no comparison with it does\n'
             '  6 | param limit: rate {\n'
             '    |       ^^^^^\n'
             "  help: add `otherwise ...` as the last case, if those sellers are meant to have a value\n"),
        summary_zh="参数的情形让一些卖家没有取值",
        explanation_zh=(
            "参数没有 `otherwise` 情形,它的 `when` 情形让某个地区(有规则在那里与它比较)的一些卖家没有取值"
            "(消息中写出了他们的取值):对这些卖家,与该参数的比较都不成立,与它比较的行都不会触发,"
            "就像没有值的量一样。这可能是有意的(规则只从某个订单量起适用),"
            "但更常见的是漏了一个边界:写了 `when orders > 75`,却没有 75 单及以下的情形。"
            "这是警告:`tspol check` 仍然通过,除非使用 `--strict`。\n\n"
            "请加上 `otherwise VALUE` 作为最后一个情形,或为消息中的卖家加一个情形。"),
    ),
    # ---- W27x: versions in one pack (issue 11: versions; tspol.dsl.versions)
    Code(
        AMENDMENT_ADDS, "AMENDMENT_ADDS", WARNING,
        'An amendment adds a declaration where it was likely meant to replace one',
        "A declaration in an amendment replaces the one of the same kind and name of the version before (a rule: of the same name and regions), or else is added. This one is added, but its name is close to one of the version before (or it is a rule of a name that exists in other regions): a misspelt name adds a second declaration and leaves the first as it was.\n\nWrite the name of the declaration to replace; to change a rule's regions, `remove` it and add it.",
        _pol(_POLICY + 'measure no_campaigns\namendment "2" effective 2024-06-01 {\n  measure no_campaign\n}\n', 'example.pol:5:11: warning[W270]: this adds a new measure `no_campaign`: no measure of that name to replace\n'),
        summary_zh='修订新增了一个声明,看起来本意是替换',
        explanation_zh='修订中的声明替换前一版本中种类和名称相同的声明(规则:名称和地区都相同),否则就是新增。这个声明是新增的,但它的名称与前一版本中的某个名称相近(或是一条在其他地区存在同名规则的规则):名称写错会新增第二个声明,而第一个保持不变。\n\n请写出要替换的声明的名称;要改变规则的地区,请先 `remove` 再新增。',
    ),
    Code(
        CARRYOVER_UNCHANGED, "CARRYOVER_UNCHANGED", WARNING,
        'An amendment says how points already scored expire, but the expiry does not change',
        "`points scored before DATE keep their expiry` (or `take the new expiry`) says what an amendment's new `points expire after` means for the points scored before it. This amendment's ledger expires points after the same time as the version before (or it has no new ledger), so the statement says nothing.\n\nRemove the statement, or change `points expire after` in the amendment's ledger.",
        _pol(_POLICY + 'ledger {\n  points expire after 180d\n}\n' + 'amendment "2" effective 2024-06-01 {\n  points scored before 2024-06-01 keep their expiry\n}\n', 'example.pol:7:3: warning[W271]: the amendment does not change when points expire\n'),
        summary_zh='修订说明了已计违规分如何失效,但失效期限并没有改变',
        explanation_zh='`points scored before DATE keep their expiry`(或 `take the new expiry`)说明修订新的 `points expire after` 对修订之前计入的违规分意味着什么。这个修订的 ledger 与前一版本的失效期限相同(或没有新的 ledger),所以这句话没有意义。\n\n请删除这句,或在修订的 ledger 中修改 `points expire after`。',
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
        summary_zh="输入项类型不对,或在需要输入项的地方用了指标",
        explanation_zh=(
            "组合输入项时会检查类型:只有计数可以 `part of` 另一个计数;比率指标(`A / B`)"
            "用一个计数除以另一个计数;基数是订单数(`count` 或 `number` 输入项)。"
            "需要输入项的地方(`part of`、指标的运算数、基数的来源)不能用指标或基数:"
            "它们由输入项算出,不能互相引用。\n\n"
            "请按实际类型声明每个输入项(`count`、`number`、`rate`、"
            "`duration in minutes`、`money in USD`),或改用输入项。"),
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
        summary_zh="单位不对的值",
        explanation_zh=(
            "字面值带有单位,必须与比较的对象或所在的位置相符:计数或数值配纯数字(`30`),"
            "比率配百分比(`4%`),时长配时长(`30min`、`24h`、`7d`),"
            "金额配该输入项币种的金额(`100 USD`);动作和违规分台账也是如此(`points 3`、"
            "`limit 7d at 10% avg4w`、`threshold 12`、"
            "`points expire after 180d`)。拿 30% 与计数比较,"
            "几乎总是本想比较比率;拿 0 到 1 之间的纯数字与比率比较时,"
            "help 行会给出对应的百分比(0.95 即 95%)。\n\n"
            "请按 help 行建议的单位写这个值,或改为比较它本来针对的量。"),
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
        summary_zh="需要整数的地方写了小数",
        explanation_zh=(
            "计数数的是整件,所以拿它与 `2.5` 比较,说的并不是政策的本意(`late >= 2.5` "
            "从 3 起成立,就应该这样写)。违规分、阈值、申诉次数和天数也都是整数。\n\n请写整数。"),
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
        summary_zh="不是给单个输入项或指标设界的比较",
        explanation_zh=(
            "比较用数值给一个输入项或指标设定边界:`LDR >= 4%`,或名称居中、"
            "两个运算符方向一致的区间 `10% <= LDR < 25%`。以下都不行:没有名称的比较、"
            "两个名称互相比较、名称不在中间或运算符方向相反的区间、区间中的 `==`、"
            "基数(请比较它的输入项),以及指标的 `standard` 涉及另一个量(其他输入项的条件写在"
            " `only if` 中)。\n\n请改写为对单个名称的边界或区间。"),
    ),
    # ---- E32x: arithmetic on metrics (issue 11)
    Code(
        ARITH_KINDS, "ARITH_KINDS", ERROR,
        "The terms of a sum, max or min are of different kinds or units",
        "A metric may add quantities (`metric defects = negative_feedback + claims + chargebacks`), "
        "weigh them (`metric score = 2 * ODR + 0.5 * LDR`) or take the worst of them (`metric worst = "
        "max(ODR, CR)`). What it adds or compares must be alike: counts with counts (the sum is a "
        "count), rates with rates (a weighted sum of rates is a rate), durations in one unit, money in "
        "one currency. A count plus a rate, or minutes plus hours, has no meaning the rules could "
        "compare.\n\n"
        "Add like with like: compare the other quantity in a row of its own, or declare the inputs in "
        "one unit.",
        _pol(_RATE + "metric mixed = late + LDR\n",
             ('example.pol:6:23: error[E320]: `LDR` is a rate, but `late` is a count: the terms of one sum, max '
              'or min are of one kind and unit\n'
              '  6 | metric mixed = late + LDR\n'
              '    |                       ^^^\n'
              '  help: `mixed` adds or compares like with like: counts with counts, rates with rates\n')),
        summary_zh="求和、max 或 min 的各项类型或单位不同",
        explanation_zh=(
            "指标可以把量相加(`metric defects = negative_feedback + claims + chargebacks`)、"
            "加权(`metric score = 2 * ODR + 0.5 * LDR`)或取其中最差者(`metric worst = max(ODR, CR)`)。"
            "相加或比较的各项必须同类:计数与计数(和仍是计数),比率与比率(比率的加权和仍是比率),"
            "同一单位的时长,同一币种的金额。计数加比率、分钟加小时都没有规则可以比较的含义。\n\n"
            "请只把同类相加:其他的量在单独的行中比较,或把输入项声明为同一单位。"),
    ),
    Code(
        ARITH_TERM, "ARITH_TERM", ERROR,
        "A term or function a sum, max or min cannot have",
        "A metric combines inputs and plain metrics (`A / B` or `A`) with `+`, `max(...)` or "
        "`min(...)`; nothing else. Another function (`avg`, `sum`) is not known; a term that is "
        "itself a sum, max or min would hide one inside another; a term with an `only if` would "
        "make the sum's own condition depend on it. A metric named `max` or `min` is still a "
        "name like any other (`metric both = max + min`).\n\n"
        "Write `max(A, B)` or `min(A, B)`; write the terms of an inner sum into the outer one; "
        "give the combined metric the `only if` itself.",
        _pol(_RATE + "metric worst = avg(LDR, LDR)\n",
             ('example.pol:6:16: error[E321]: `avg` is no function of a metric: a metric is a sum, `max(...)` '
              'or `min(...)`\n'
              '  6 | metric worst = avg(LDR, LDR)\n'
              '    |                ^^^\n'
              '  help: write `max(A, B)` for the worst of higher-is-worse quantities, `min(A, B)` for the '
              'least\n')),
        summary_zh="求和、max 或 min 不能有的项或函数",
        explanation_zh=(
            "指标只能用 `+`、`max(...)` 或 `min(...)` 组合输入项和普通指标(`A / B` 或 `A`),"
            "别无其他。其他函数(`avg`、`sum`)未知;本身是求和、max 或 min 的项会把一个组合藏在另一个里;"
            "带 `only if` 的项会让整个求和的条件依赖于它。名为 `max` 或 `min` 的指标仍是普通名称"
            "(`metric both = max + min`)。\n\n"
            "请写 `max(A, B)` 或 `min(A, B)`;把内层求和的各项直接写进外层;"
            "把 `only if` 写在组合出的指标上。"),
    ),
    Code(
        ARITH_WEIGHT, "ARITH_WEIGHT", ERROR,
        "A weight of 0, or a count weighted by a fraction",
        "A weight (`2 * ODR`, `0.5 * LDR`) is an exact decimal above 0. A weight of 0 leaves the term "
        "out while it still has to have a value for the sum to have one. A sum of counts is a count, "
        "compared with whole numbers, so a count's weight is a whole number.\n\n"
        "Leave out a term that does not count; weigh counts by whole numbers, or weigh rates.",
        _pol(_COUNTS + "metric defects = 1.5 * late + orders\n",
             ('example.pol:5:18: error[E322]: `late` is a count, but its weight `1.5` is not a whole number\n'
              '  5 | metric defects = 1.5 * late + orders\n'
              '    |                  ^^^\n'
              '  help: a sum of counts is a count: weigh counts by whole numbers\n')),
        summary_zh="权重为 0,或计数的权重不是整数",
        explanation_zh=(
            "权重(`2 * ODR`、`0.5 * LDR`)是大于 0 的精确小数。权重为 0 等于不计入这一项,"
            "而求和要有值,这一项仍须有值。计数之和仍是计数,与整数比较,所以计数的权重必须是整数。\n\n"
            "请删去不计入的项;计数用整数加权,或对比率加权。"),
    ),
    Code(
        ARITH_DENOMINATORS, "ARITH_DENOMINATORS", ERROR,
        "The rates of one sum divide by different inputs",
        "A weighted sum of rates is one rate when its rates share their denominator: `2 * LDR + 3 * "
        "CR`, both of `orders`, is `(2 * late + 3 * cancelled) / orders`, which every engine "
        "decides exactly and the analysis, headroom and SQL reason about in linear terms. Rates of "
        "different totals (orders in 7 days, orders in 30) multiply their denominators together, "
        "which tspol does not decide.\n\n"
        "Write the rates of the sum over one total, or compare each rate in rows of its own "
        "(`when LDR >= 4% or NRR >= 2%`).",
        _pol(_RATE + "input returns: count\ninput orders_30d: count\nmetric NRR = returns / orders_30d\n"
             "metric score = LDR + NRR\n",
             ('example.pol:9:16: error[E323]: `score` adds `LDR`, a rate of `orders`, and `NRR`, a rate of '
              '`orders_30d`: the rates of one sum divide by one input\n'
              '  9 | metric score = LDR + NRR\n'
              '    |                ^^^^^^^^^\n'
              '  help: write the sum of rates over one total, or compare the rates in rows of their own\n')),
        summary_zh="同一个求和中的比率分母不同",
        explanation_zh=(
            "比率的加权和在各比率分母相同时才是一个比率:`2 * LDR + 3 * CR` 都以 `orders` 为分母,"
            "即 `(2 * late + 3 * cancelled) / orders`,每个引擎都能精确判定,分析、余量和 SQL "
            "都按线性关系处理。分母不同的比率(7 天订单量与 30 天订单量)相加要把分母相乘,"
            "tspol 不判定这种情况。\n\n"
            "请让求和中的比率使用同一个总数,或在各自的行中比较每个比率(`when LDR >= 4% or NRR >= 2%`)。"),
    ),
    Code(
        WINDOW_CASE_TYPE, "WINDOW_CASE_TYPE", ERROR,
        "A case of a windowed metric that names a quantity of another kind or unit",
        "Each case of a windowed metric names the input or metric that is its value for the "
        "sellers the case holds for, and a row compares them all with one value: every case "
        "names a quantity of the type the windowed metric declares (rates with rates, counts "
        "with counts, durations in one unit, money in one currency).\n\n"
        "Name a metric of the declared type in each case.",
        _pol(_WINDOWED_BAD + "rule r in US {\n  table {\n    when ODR >= 10% then points 2\n  }\n}\n",
             'example.pol:11:13: error[E324]: this case of `ODR` names `late_12m`, a count, but `ODR` is a rate\n'
             '  11 |   otherwise late_12m\n'
             '     |             ^^^^^^^^\n'
             '  help: name an input or metric of the type of `ODR` in each case\n'),
        summary_zh="按窗口选择的指标的情形写了另一种类型或单位的量",
        explanation_zh=(
            "按窗口选择的指标的每个情形写出对该情形成立的卖家取哪个输入项或指标,各行再把它们与同一个数值比较:"
            "每个情形写的量都必须是该指标声明的类型(比率对比率,计数对计数,时长同一单位,金额同一币种)。\n\n"
            "请在每个情形中写出声明类型的指标。"),
    ),
    # ---- params (issue 11)
    Code(
        PARAM_TYPE, "PARAM_TYPE", ERROR,
        "A param compared with a quantity of another type",
        "A param's values are of its declared type (`param ODR_limit: rate`: percentages), and it "
        "is compared with an input or metric of the same type: a rate with a rate param, a count "
        "with a count param, an amount of money with a param in the same currency. A rate "
        "compared with a count param would compare a share with a number of orders.\n\n"
        "Compare the quantity with a param of its type, or declare the param with the type of "
        "what it bounds.",
        _pol(_RATE + "param limit: count { otherwise 4 }\nrule r in US {\n  table {\n"
             "    when LDR >= limit then points 2\n  }\n}\n",
             'example.pol:9:17: error[E360]: `LDR` is a rate, but param `limit` is a count\n'
             '  9 |     when LDR >= limit then points 2\n'
             '    |                 ^^^^^\n'
             "  help: compare `LDR` with a param of its type\n"),
        summary_zh="参数与另一类型的量比较",
        explanation_zh=(
            "参数的取值属于它声明的类型(`param ODR_limit: rate`:百分比),"
            "它只与同类型的输入项或指标比较:比率与比率参数,计数与计数参数,金额与同币种的金额参数。"
            "把比率与计数参数比较,就是拿占比与订单数比较。\n\n"
            "请让这个量与同类型的参数比较,或把参数声明为它所界定的量的类型。"),
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
        summary_zh="标准的方向与指标的方向相反",
        explanation_zh=(
            "标记为 `higher is worse` 的指标,"
            "其标准应让它保持在低位(`standard LDR < 4%`);"
            "标记为 `lower is worse` 的指标,"
            "其标准应让它保持在高位(`standard RR24 >= 90%`)。两者不一致时,"
            "必有一个写错了,而规则各表的分析(W502、W503)两者都会用到。这是警告:"
            "`tspol check` 仍然通过,除非使用 `--strict`。\n\n"
            "请修正标准中的比较,或指标的方向。"),
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
        summary_zh="没有任何值能满足的条件",
        explanation_zh=(
            "一个比较,或同一行、同一标准中的几个比较,不容许任何值:"
            "区间的上下界交叉(`10% <= LDR < 5%`),"
            "用 `and` 连接的两个比较互相矛盾(`LDR >= 10% and LDR < 5%`),"
            "计数的区间内没有整数(`2 < orders < 3`),"
            "或区间整个在零以下(tspol 认为任何量都不会小于零);"
            "或者含 `or` 和 `not` 的行条件对任何值都不成立(`not` 只在它的量有值时成立:"
            "`not (LDR >= 0%)` 永远不成立)。带这种条件的行永远不会触发,"
            "这从来不是政策的本意。\n\n请检查边界:通常是两个数字写反了,或比较的方向反了。"),
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
        summary_zh="超过 100% 的百分比",
        explanation_zh=(
            "比率是整体中的占比(订单中的延迟订单),在 0% 到 100% 之间,限单的上限也是如此:"
            "高于 100% 的边界永远达不到,高于 100% 的上限什么也限制不了。"
            "通常是笔误(把 `12%` 写成了 `120%`)。\n\n请写 0% 到 100% 之间的百分比。"),
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
        summary_zh="应当递增的值顺序不对",
        explanation_zh=(
            "违规分台账的阈值要从低到高列出;警告的提前量(`warn 5 points before eac"
            "h threshold`)要小于最低的阈值,否则在任何违规之前就该发出警告了;"
            "冻结期限从短到长书写(`period 90d to 180d`)。\n\n"
            "请按 help 行所说的顺序排列这些值。"),
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
        summary_zh="互相矛盾的两个声明",
        explanation_zh=(
            "两个声明单独看都有效,却不可能都是本意:比率用总数除以它自己的一部分(`orders / lat"
            "e`,而 `late` 是 `part of orders`),所以永远不会低于 100%;"
            "违规原因写了 `points by rule`,却没有任何引用它的规则计违规分;"
            "违规原因写了 `points discretionary`,却有规则为它计违规分。\n\n"
            "请把部分写在上、整体写在下(`late / orders`),"
            "或让该违规原因的 `points` 说明违规分从何而来。"),
    ),
    # ---- E44x: issue 11, points from the catalogue
    Code(
        RANGE_BACKWARDS, "RANGE_BACKWARDS", ERROR,
        "A reason's stated points run backwards",
        "A reason may state its points: fixed (`points 3`) or a range (`points 2 to 4`, both ends "
        "included). A range is written lowest first; this one starts above where it ends, so no "
        "number of points is in it.\n\n"
        "Swap the two ends.",
        _pol(_POLICY + "category c\nreason r in c { points 5 to 1 }\n", ('example.pol:4:17: error[E440]: the points run backwards: 5 is more than 1\n'
                                                                        '  4 | reason r in c { points 5 to 1 }\n'
                                                                        '    |                 ^^^^^^^^^^^^^\n'
                                                                        '  help: write `points 1 to 5`\n')),
        summary_zh="违规原因写明的违规分范围写反了",
        explanation_zh=(
            "违规原因可以写明违规分:固定分值(`points 3`)或一个范围(`points 2 to 4`,两端都包含)。"
            "范围要先写小的一端;这个范围的起点大于终点,没有任何分值在其中。\n\n"
            "请交换两端。"),
    ),
    Code(
        POINTS_OUTSIDE, "POINTS_OUTSIDE", ERROR,
        "A rule scores points outside its reason's stated points",
        "A rule that cites a reason (`reason NAME`) scores its violations of that reason: when the "
        "reason states its points (`points 3`, `points 2 to 4`), every row of the rule scores points "
        "within them. This row scores more or fewer.\n\n"
        "Change the row's points, or the reason's.",
        _pol(_RATE + "category c\nreason slow in c { points 2 to 4 }\nrule r in US {\n  reason slow\n"
                     "  table {\n    when LDR >= 10% then points 6\n  }\n}\n",
             ('example.pol:11:26: error[E441]: rule `r` scores 6 points for reason `slow`, whose points are 2 to 4\n'
              '  11 |     when LDR >= 10% then points 6\n'
              '     |                          ^^^^^^^^\n'
              "  note: example.pol:7:20: the reason's points\n")),
        summary_zh="规则记的违规分超出了违规原因写明的违规分",
        explanation_zh=(
            "引用违规原因(`reason NAME`)的规则为该原因的违规记分:违规原因写明违规分时"
            "(`points 3`、`points 2 to 4`),规则的每一行记的分都必须在其中。这一行记的分多了或少了。\n\n"
            "请修改这一行的违规分,或违规原因的违规分。"),
    ),
    # ---- E45x: a more general ledger (issue 11)
    Code(
        RESET_DAY, "RESET_DAY", ERROR,
        "A calendar reset on a day not every month has",
        "`points reset on day N of each month` (or `quarter`, `year`: day N of its first month) "
        "resets the points on that day of the calendar. Day 29, 30 or 31 is not in every month, so "
        "the ledger could not say when February's points reset.\n\n"
        "Write a day from 1 to 28, or name a weekday: `points reset on the last monday of each month`.",
        _pol(_POLICY + "ledger {\n  points reset on day 31 of each month\n}\n", ('example.pol:4:23: error[E450]: day 31 is not in every month: a reset day is 1 to 28\n'
                                                                     '  4 |   points reset on day 31 of each month\n'
                                                                     '    |                       ^^\n'
                                                                     '  help: write `points reset on day 1 of each month`, or `on the last monday of each month`\n')),
        summary_zh="清零日不是每个月都有",
        explanation_zh=(
            "`points reset on day N of each month`(或 `quarter`、`year`:其第一个月的第 N 天)在日历上的这一天"
            "把违规分清零。第 29、30、31 天不是每个月都有,账本就说不出二月的违规分何时清零。\n\n"
            "请写第 1 到 28 天,或写星期几:`points reset on the last monday of each month`。"),
    ),
    Code(
        UNTIL_NO_STANDARD, "UNTIL_NO_STANDARD", ERROR,
        "A measure lasts until a metric is within a standard it does not have",
        "A threshold's measure may last `until METRIC is within standard`: it ends on the first "
        "later metrics event that finds the metric within its `standard`. This metric states no "
        "standard, so no event could ever end the measure.\n\n"
        "Give the metric a `standard`, or make the measure last `for` a duration.",
        _pol(_RATE + _UNTIL_LEDGER, ('example.pol:10:16: error[E451]: metric `LDR` has no standard to be within\n'
                                          '  10 |     stop until LDR is within standard\n'
                                          '     |                ^^^\n'
                                          '  help: give `LDR` a `standard`, or make the measure last `for` a duration\n')),
        summary_zh="处罚措施持续至指标回到一个它没有的标准以内",
        explanation_zh=(
            "节点处罚措施可以持续 `until METRIC is within standard`:在之后第一个判定该指标回到其 `standard` "
            "以内的指标事件当天结束。这个指标没有写标准,任何事件都无法结束这项处罚措施。\n\n"
            "请为该指标写上 `standard`,或让处罚措施持续 `for` 一段时长。"),
    ),
    Code(
        UNTIL_NOT_EVALUATED, "UNTIL_NOT_EVALUATED", ERROR,
        "A measure lasts until a metric is within standard, but no rule is on that metric",
        "A measure `until METRIC is within standard` ends when a metrics event finds the metric "
        "within its standard, and a metrics event judges a metric only through the rules that are "
        "`on` it. No rule of the pack is on this metric, so no event could ever end the measure.\n\n"
        "Add `on METRIC` to a rule of a region, or name a metric a rule is on.",
        _pol(_COUNTS + "metric LDR = late / orders { standard LDR < 4% }\n" + _UNTIL_LEDGER,
             ('example.pol:10:16: error[E452]: no rule is on metric `LDR`, so no metrics event can find it within standard\n'
              '  10 |     stop until LDR is within standard\n'
              '     |                ^^^\n'
              '  help: add `on LDR` to a rule of a region, or name a metric a rule is on\n')),
        summary_zh="处罚措施持续至指标回到标准以内,却没有规则针对该指标",
        explanation_zh=(
            "`until METRIC is within standard` 的处罚措施在指标事件判定该指标回到标准以内时结束,"
            "而指标事件只通过针对(`on`)该指标的规则来判定它。本规则包没有规则针对这个指标,"
            "任何事件都无法结束这项处罚措施。\n\n"
            "请在某个地区的规则中写 `on METRIC`,或改用规则针对的指标。"),
    ),
    # ---- params (issue 11)
    Code(
        PARAM_CASE_UNREACHED, "PARAM_CASE_UNREACHED", ERROR,
        "A case of a param that no seller reaches",
        "A param's cases are tried in order and the first that holds gives the value, so a case "
        "is reached only where no case before it holds. This one holds only where cases before "
        "it already do, in every region it applies in: its value is never used. Usually the "
        "cases are in the wrong order (`when orders > 75` before `when orders > 100`), or a "
        "region's `in` case comes before a `when` case meant for it too.\n\n"
        "Put the narrower case first, or remove it.",
        _pol(_RATE + "param limit: rate {\n  when orders > 75 then 4%\n  when orders > 100 then 3%\n"
             "  otherwise 5%\n}\nrule r in US {\n  table {\n    when LDR >= limit then points 2\n  }\n}\n",
             'example.pol:8:3: error[E460]: no seller reaches this case of `limit`: the cases before it hold '
             'wherever it does\n'
             '  8 |   when orders > 100 then 3%\n'
             '    |   ^^^^^^^^^^^^^^^^^^^^^^^^^\n'
             "  help: cases are tried in order, the first that holds gives the value: move this one up, or "
             "remove it\n"),
        summary_zh="没有卖家会落到的参数情形",
        explanation_zh=(
            "参数的各个情形按顺序判断,第一个成立的情形给出取值,所以只有前面的情形都不成立时才会落到某个情形。"
            "这个情形只在它前面的情形已经成立的地方成立(在它适用的每个地区都是如此):它的取值永远用不上。"
            "通常是情形的顺序写反了(`when orders > 75` 写在 `when orders > 100` 前面),"
            "或者某个地区的 `in` 情形写在了本来也适用于它的 `when` 情形前面。\n\n"
            "请把范围更窄的情形放在前面,或删除它。"),
    ),
    Code(
        WINDOW_CASE_UNREACHED, "WINDOW_CASE_UNREACHED", ERROR,
        "A case of a windowed metric that no seller reaches",
        "A windowed metric's cases are tried in order as a param's, and the first that holds "
        "chooses the metric. This case holds only where cases before it already do, in every "
        "region it applies in: the metric it names is never used.\n\n"
        "Put the narrower case first, or remove it.",
        _pol(_WINDOWED_UNREACHED + "rule r in US {\n  table {\n    when ODR >= 10% then points 2\n  }\n}\n",
             'example.pol:11:3: error[E461]: no seller reaches this case of `ODR`: the cases before it hold wherever it does\n'
             '  11 |   when orders >= 500 then LDR\n'
             '     |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
             '  help: cases are tried in order, the first that holds chooses the metric: move this one up, or remove it\n'),
        summary_zh="没有卖家会落到的按窗口选择指标的情形",
        explanation_zh=(
            "按窗口选择的指标的各个情形像参数一样按顺序判断,第一个成立的情形选出指标。"
            "这个情形只在它前面的情形已经成立的地方成立(在它适用的每个地区都是如此):它写的指标永远用不上。\n\n"
            "请把范围更窄的情形放在前面,或删除它。"),
    ),
    # ---- E47x: versions in one pack (issue 11: versions; tspol.dsl.versions)
    Code(
        AMENDMENT_DATE, "AMENDMENT_DATE", ERROR,
        'An amendment that does not take effect after the version before it',
        "The versions of a pack follow each other in time: the first is effective on the `effective` date of the `policy` block, each amendment strictly after the version before it, so that on any day one version is in force (`tspol eval --on DATE`, the ledger's events).\n\nFix the date, or put the amendments in the order they take effect.",
        _pol(_POLICY + 'amendment "2" effective 2024-01-01 {\n  region US\n}\n', 'example.pol:3:1: error[E470]: amendment "2" is effective 2024-01-01, not after version "1" (effective 2024-01-01)\n'),
        summary_zh='修订的生效日期不晚于它之前的版本',
        explanation_zh='政策的各个版本按时间先后排列:第一个版本在 `policy` 块的 `effective` 日期生效,每个修订都严格晚于它之前的版本,这样任何一天都只有一个版本有效(`tspol eval --on DATE`、违规分台账的事件)。\n\n请修正日期,或按生效先后排列修订。',
    ),
    Code(
        CARRYOVER_DATE, "CARRYOVER_DATE", ERROR,
        'A statement about points already scored dated otherwise than its amendment',
        "`points scored before DATE keep their expiry` (or `take the new expiry`) speaks of the points scored before the amendment takes effect: DATE is the amendment's effective date, written again so that the statement reads on its own. This one names another day.\n\nWrite the amendment's effective date.",
        _pol(_POLICY + 'ledger {\n  points expire after 180d\n}\n' + 'amendment "2" effective 2024-06-01 {\n  points scored before 2024-07-01 take the new expiry\n  ledger {\n    points expire after 90d\n  }\n}\n', 'example.pol:7:3: error[E471]: points scored before 2024-07-01: the amendment is effective 2024-06-01\n'),
        summary_zh='关于已计违规分的说明的日期与修订不同',
        explanation_zh='`points scored before DATE keep their expiry`(或 `take the new expiry`)说的是修订生效之前计入的违规分:DATE 就是修订的生效日期,再写一遍是为了让这句话本身就能读懂。这里写的是另一天。\n\n请写出修订的生效日期。',
    ),
    Code(
        AMENDMENT_LEDGER_KIND, "AMENDMENT_LEDGER_KIND", ERROR,
        "An amendment that changes score rules where the version before keeps no score, or drops the score",
        "An amendment's `ledger` may change the score rules of a score ledger (`score starts at`, `score "
        "regains`, `deactivate at N score`): from its date on, each day takes the score rules of the version "
        "in force. But the versions of a pack keep one kind of ledger: a seller's ledger cannot turn from "
        "points that add up and expire into a score that falls and regains, or back, on an amendment's date. "
        "This amendment states score rules while the version before has a points ledger (or none), or its "
        "ledger keeps no score while the version before's does.\n\n"
        "Give every version a score ledger (`score starts at` in the first version's ledger too), or keep "
        "the amendment's ledger a points ledger.",
        _pol(_POLICY + "ledger {\n  points expire after 180d\n}\n" + 'amendment "2" effective 2024-06-01 {\n'
             "  points scored before 2024-06-01 keep their expiry\n  ledger {\n    score starts at 200\n  }\n}\n",
             ('example.pol:9:5: error[E472]: amendment "2" changes score rules, but the ledger of version "1" keeps '
              "no score (it has no `score starts at`)\n"
              "  9 |     score starts at 200\n"
              "    |     ^^^^^^^^^^^^^^^^^^^\n"
              "  help: every version of a pack keeps one kind of ledger: a score ledger (`score starts at`) in each, "
              "or a points ledger in each\n")),
        summary_zh="修订在之前版本不记分数时改变分数规则,或去掉了分数",
        explanation_zh=(
            "修订的 `ledger` 可以改变分数账本的分数规则(`score starts at`、`score regains`、`deactivate at N score`):"
            "自其生效日起,每一天按当天有效版本的分数规则计算。但一个政策包的各个版本使用同一种账本:卖家的账本不能在修订"
            "生效日从累加并过期的违规分变成下降并恢复的分数,反之亦然。这个修订在之前版本是违规分账本(或没有账本)时写了"
            "分数规则,或者之前版本的账本记分数而它的账本不记。\n\n"
            "请让每个版本都是分数账本(第一个版本的账本也写 `score starts at`),或让修订的账本仍是违规分账本。"),
    ),
    # ---- E48x: a more general ledger (issue 11): signed scores
    Code(
        SCORE_CAP, "SCORE_CAP", ERROR,
        "A score ledger whose cap is below its start",
        "`score starts at S, at most C` makes the ledger a score ledger: the seller's score starts "
        "at S, each violation takes its points from it, and it regains points up to its cap C. A cap "
        "below the start could never hold: the score would start above it.\n\n"
        "Write a cap of the start or more, or leave it out: the cap is then the start.",
        _pol(_POLICY + "ledger {\n  score starts at 200, at most 150\n}\n",
             ("example.pol:4:32: error[E480]: the score's cap 150 is below its start 200\n"
              "  4 |   score starts at 200, at most 150\n"
              "    |                                ^^^\n"
              "  help: write a cap of 200 or more, or leave it out (the cap is then the start)\n")),
        summary_zh="分数账本的上限低于初始分数",
        explanation_zh=(
            "`score starts at S, at most C` 使账本成为分数账本:卖家的分数从 S 开始,每次违规扣去其违规分,"
            "并恢复到上限 C 为止。上限低于初始分数永远不可能成立:分数一开始就高于它。\n\n"
            "请把上限写成不低于初始分数,或省略它:上限即为初始分数。"),
    ),
    Code(
        SCORE_CONFLICT, "SCORE_CONFLICT", ERROR,
        "A statement of a points ledger in a score ledger, or of a score ledger in a points ledger",
        "A ledger is either a points ledger, whose points add up and expire (`points expire after`, "
        "`points reset on`, `deactivate at N points`, `warn N points before each threshold`, `threshold "
        "N`), or a score ledger (`score starts at`), whose score loses each violation's points, "
        "regains them over time (`score regains`) and crosses its thresholds going down (`threshold "
        "below N`, `deactivate at N score`). This statement belongs to the other kind of ledger: "
        "the ledger could not say what it means.\n\n"
        "Remove the statement, or write the one of this kind of ledger.",
        _pol(_POLICY + "ledger {\n  score starts at 200\n  points expire after 180d\n}\n",
             ("example.pol:5:3: error[E481]: `points expire after` is of a points ledger, not of a score ledger "
              "(`score starts at`)\n"
              "  5 |   points expire after 180d\n"
              "    |   ^^^^^^^^^^^^^^^^^^^^^^^^\n"
              "  help: a score ledger never expires points: it regains them (`score regains 5 every 30d`), "
              "deactivates with `deactivate at 0 score`, and warns with a threshold\n")),
        summary_zh="分数账本中写了违规分账本的语句,或违规分账本中写了分数账本的语句",
        explanation_zh=(
            "账本要么是违规分账本,其违规分累加并过期(`points expire after`、`points reset on`、"
            "`deactivate at N points`、`warn N points before each threshold`、`threshold N`),要么是分数账本"
            "(`score starts at`),其分数扣去每次违规的违规分,随时间恢复(`score regains`),并在下降时越过阈值"
            "(`threshold below N`、`deactivate at N score`)。这条语句属于另一种账本:账本说不出它的含义。\n\n"
            "请删除这条语句,或改写成这种账本的语句。"),
    ),
    Code(
        SCORE_REGAIN_PERIOD, "SCORE_REGAIN_PERIOD", ERROR,
        "A score that regains points with no period",
        "`score regains N every D` gives a score ledger's score N points back D days after the latest "
        "violation, and every D days after that while no violation comes, up to its cap. Without "
        "`every D` the ledger could not say when.\n\n"
        "Say the period: `score regains 5 every 30d`.",
        _pol(_POLICY + "ledger {\n  score starts at 200\n  score regains 5\n}\n",
             ("example.pol:5:3: error[E482]: the score regains 5 every how many days?\n"
              "  5 |   score regains 5\n"
              "    |   ^^^^^^^^^^^^^^^\n"
              "  help: write it like `score regains 5 every 30d`\n")),
        summary_zh="分数恢复没有写周期",
        explanation_zh=(
            "`score regains N every D` 让分数账本的分数在最近一次违规 D 天后恢复 N 分,此后只要没有新的违规,"
            "每隔 D 天再恢复 N 分,直到上限。没有 `every D`,账本就说不出何时恢复。\n\n"
            "请写明周期:`score regains 5 every 30d`。"),
    ),
    Code(
        SCORE_THRESHOLD, "SCORE_THRESHOLD", ERROR,
        "A threshold or deactivation of a score ledger that the score cannot cross going down",
        "A score ledger's `threshold below T` is crossed when the score falls from T or more to below "
        "T, and `deactivate at F score` deactivates the seller when it falls to F or below. So each is "
        "below the starting score (else the score starts past it), and a threshold is above the "
        "deactivation score (else the seller is deactivated by the time it is crossed).\n\n"
        "Write a threshold between the deactivation score and the start, and a deactivation score "
        "below the start.",
        _pol(_POLICY + "ledger {\n  score starts at 200\n  threshold below 250 {\n  }\n}\n",
             ("example.pol:5:19: error[E483]: threshold below 250 is above the starting score 200: the score is "
              "below it from the start, and never crosses it going down\n"
              "  5 |   threshold below 250 {\n"
              "    |                   ^^^\n"
              "  help: a threshold of a score ledger is between the deactivation score and the start\n")),
        summary_zh="分数账本的阈值或停用分数在分数下降时无法越过",
        explanation_zh=(
            "分数账本的 `threshold below T` 在分数从 T 或以上降到 T 以下时越过,`deactivate at F score` "
            "在分数降到 F 或以下时停用卖家。所以两者都应低于初始分数(否则分数一开始就已越过),阈值应高于停用分数"
            "(否则越过阈值时卖家已被停用)。\n\n"
            "请把阈值写在停用分数与初始分数之间,把停用分数写得低于初始分数。"),
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
        summary_zh="互斥表中的两行可能对同一卖家同时触发",
        explanation_zh=(
            "在互斥表(默认)中,一个卖家最多触发一行。分析会精确地求出(比率按有理数、计数按整数)"
            "每一行的条件在哪里成立:这里有两行对某个真实可能的卖家同时成立,消息会给出一个这样的卖家。"
            "常见原因是两个区间共用一个端点:一行以 `<= 10%` 结束,"
            "下一行以 `10% <=` 开始。`first` 表与互斥表一样只触发第一条匹配的行,"
            "但它的行可以重叠:由行的顺序决定。\n\n"
            "请让区间首尾相接而不重叠(先 `< 10%`,再 `10% <=`);"
            "如果本意是第一条匹配的行生效,把表标为 `first`;如果本意是每条匹配的行都触发,"
            "标为 `all`。"),
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
        summary_zh="永远不会触发的行",
        explanation_zh=(
            "没有任何卖家能让这一行触发:在它所在的互斥表或 `first` 表中,凡是它匹配的地方,"
            "前面的行都会先触发(第一条匹配的行生效;消息会指出是哪几行);"
            "或者 `otherwise` 行所在的表没有给它留下任何在规则指标上有值的卖家;"
            "或者根本没有卖家能满足它的条件(计数构成的比率恰在计数为 0 时为 0,部分永远不会超过整体)。"
            "永远不触发的行,读者信以为真,卖家却永远碰不到。\n\n"
            "请删除这一行,或收窄它前面的行,让它有自己的区间。"),
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
        summary_zh="表中各行之间有空档",
        explanation_zh=(
            "有一段卖家区间夹在各行覆盖的区间之间,却没有任何行覆盖它:那里的卖家从这个表得不到任何结果,"
            "两侧的卖家却都有。消息会给出这个区间和其中的一个卖家。标准以内的部分,"
            "以及计数条件(如 `late_orders >= 5`)以外的部分,是有意不覆盖的,不算空档。"
            "通常是两行的边界没有接上:先 `< 10%`,再 `12% <=`。这是警告:"
            "`tspol check` 仍然通过,除非使用 `--strict`。\n\n"
            "请让相邻的行首尾相接(一行以 `< X` 结束,下一行以 `X <=` 开始),"
            "或为这个空档加一行。"),
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
        summary_zh="指标越差,处罚反而越轻",
        explanation_zh=(
            "沿着标记为 `higher is worse`(或 `lower is worse`)的指标,"
            "较差一侧的卖家得到的违规分或限单,永远不应比紧挨着他、位于较好一侧的卖家更少或更宽松。"
            "这一行打破了这一点:消息会指出给得更多的那一行,以及这样的两个卖家。"
            "同一规则的多个表先相加再比较。\n\n请检查这一行的动作:通常是两个违规分的值写反了。"),
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
        summary_zh="某行处罚了达到标准的卖家",
        explanation_zh=(
            "一行带有违规分或限单,却对达到规则标准(`standard LDR < 4%`)的卖家触发,"
            "于是做到了政策全部要求的卖家也受到处罚:通常是比较的方向写反了,或漏写了上界。"
            "只给 `warning` 的行不在此列:卖家接近标准时向其发出警告,是政策自己的选择。\n\n"
            "请检查这一行比较的方向,以及上下界是否都写了。"),
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
        summary_zh="分析无法判定规则的表",
        explanation_zh=(
            "表分析(E501、E502、W501、W502、W503)就每一行的卖家向求解器提问,"
            "一次一个问题,每个问题都有时间限制。求解器在限定时间内没有给出答案时,"
            "这条规则的各表就不检查重叠、永不触发的行和空档,由 W504 说明这一点,而不是默默放过或猜测:"
            "分析只报告它证明了的结论。这并不表示这些表有错。这是警告:`tspol check` 仍然通过,"
            "除非使用 `--strict`。\n\n"
            "请拆分这条规则的表,或简化其条件(一行中少用几个量,少嵌套几层 `part of` 总数),"
            "然后再次检查。"),
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
        summary_zh="指标数据不是一个对象",
        explanation_zh=(
            "一个卖家的指标数据是一个 JSON 对象,由输入项名称和值组成:"
            "`tspol eval` 输入的一行、`.json` 文件中列表的一项或其 `metrics` "
            "键下的对象,或传给 `Policy.evaluate` 的映射。放在这个位置上的列表、数字、"
            "字符串或 `null` 无法判定。\n\n"
            "请把卖家写成一个对象:`{\"orders_7d\": 40, \"late_orders\":"
            " 12}`。"),
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
        summary_zh="不是政策中任何输入项名称的键",
        explanation_zh=(
            "卖家指标数据的每个键都是政策包声明的一个输入项(`tspol eval` 的一行还可以带 `se"
            "ller_id`、`region` 和 `metrics`)。未知的键是错误,不会被忽略,"
            "因为它通常是拼错的输入项,否则它的值会被悄无声息地丢掉;消息会给出最接近的输入项。"
            "在 Python 中,不是字符串的键也是 E601。\n\n"
            "请修正或删除这个键;`tspol.load().inputs` 列出所有输入项。"),
    ),
    Code(
        NOT_A_NUMBER, "NOT_A_NUMBER", ERROR,
        "An input value that is not a number",
        "Input values are numbers. A string (even `\"40\"`), `true` or `false`, a list or an "
        "object is not read as one. `null` is no error: it means the input is not given, as a "
        "missing key does.\n\n"
        "Write the value as a JSON number: `40`, not `\"40\"`.",
        _seller('{"orders_7d": "40"}', 'seller.json:1: error[E602]: key `orders_7d`: expected a count (a whole number, 0 or more), got the string "40"\n'),
        summary_zh="不是数字的输入值",
        explanation_zh=(
            "输入值是数字。字符串(即使是 `\"40\"`)、`true` 或 `false`、"
            "列表或对象都不会当作数字读取。`null` 不是错误:它表示没有给出这个输入项,"
            "与缺少这个键一样。\n\n请把值写成 JSON 数字:写 `40`,而不是 `\"40\"`。"),
    ),
    Code(
        NOT_FINITE, "NOT_FINITE", ERROR,
        "NaN or an infinity as an input value",
        "Python's JSON reader takes `NaN`, `Infinity` and `-Infinity`, and a Python caller may "
        "pass `float(\"nan\")`; none is a metric a seller can have, and NaN compares false with "
        "every bound, so it would pass every check unseen.\n\n"
        "Leave the input out (or give `null`) when its value is not known.",
        _seller('{"orders_7d": NaN}', 'seller.json:1: error[E603]: key `orders_7d`: expected a count (a whole number, 0 or more), got NaN\n'),
        summary_zh="输入值为 NaN 或无穷大",
        explanation_zh=(
            "Python 的 JSON 读取器接受 `NaN`、"
            "`Infinity` 和 `-Infinity`,"
            "Python 调用方也可能传入 `float(\"nan\")`;这些都不是卖家可能有的指标,"
            "而且 NaN 与任何边界比较都为假,会悄无声息地通过每一项检查。\n\n"
            "值未知时,请省略这个输入项(或给 `null`)。"),
    ),
    Code(
        NEGATIVE, "NEGATIVE", ERROR,
        "A negative count, number or duration",
        "Counts, numbers and durations are 0 or more; only money may be negative. A negative "
        "order count is an error in the data, and a rate computed from it would mean "
        "nothing.\n\n"
        "Fix the value where it comes from.",
        _seller('{"orders_7d": -1}', 'seller.json:1: error[E604]: key `orders_7d`: a count cannot be negative, got -1\n'),
        summary_zh="计数、数值或时长为负数",
        explanation_zh=(
            "计数、数值和时长都大于等于 0;只有金额可以为负。负的订单数是数据错误,由它算出的比率没有意义。"
            "\n\n请在数据的来源处修正这个值。"),
    ),
    Code(
        VALUE_NOT_WHOLE, "VALUE_NOT_WHOLE", ERROR,
        "A fraction of an order as a count",
        "A count is a whole number of 0 or more: `5` and `5.0` are the count 5, but `5.5` is an "
        "error in the data, not something to round.\n\n"
        "Give counts as whole numbers.",
        _seller('{"orders_7d": 2.5}', 'seller.json:1: error[E605]: key `orders_7d`: a count is a whole number, got 2.5\n'),
        summary_zh="计数中出现了不足一单的小数",
        explanation_zh=(
            "计数是大于等于 0 的整数:`5` 和 `5.0` 都是计数 5,而 `5.5` 是数据错误,"
            "不应该取整。\n\n请用整数给出计数。"),
    ),
    Code(
        ABOVE_TOTAL, "ABOVE_TOTAL", ERROR,
        "A part is more than its total",
        "An input declared `part of` another counts some of the other's items (`late_orders` "
        "among `orders_7d`), so it is never more than it; a rate of the two above 100% would be "
        "decided as if it were possible. The message names both values.\n\n"
        "Check that the two values count the same orders over the same days.",
        _seller('{"orders_7d": 10, "late_orders": 12}', 'seller.json:1: error[E606]: key `late_orders`: late_orders is 12 but orders_7d is 10: late_orders counts some of the orders_7d, so it cannot be more than orders_7d\n'),
        summary_zh="部分大于它的总数",
        explanation_zh=(
            "声明为 `part of` 另一个输入项的输入项,"
            "数的是后者中的一部分(`orders_7d` 中的 `late_orders`),"
            "所以永远不会比它多;两者之比高于 100% 时,会被当作可能发生的情况来判定。"
            "消息会给出这两个值。\n\n请检查这两个值统计的是否是同样天数内的同一批订单。"),
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
        summary_zh="政策中没有的地区",
        explanation_zh=(
            "卖家的地区(`tspol eval` 一行中的 `region` 键,"
            "或 Python 中的 `region=`)必须是政策声明过的地区;名称按原样比较,"
            "所以 `us` 不是 `US`。消息会列出政策的地区,大小写写错的地区会附上“是否想写”。"
            "(未知的 `--region` 也属于输入错误:退出码 1。)\n\n请使用列出的地区之一。"),
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
        _seller('{"orders_7d": 1e18}', 'seller.json:1: error[E608]: key `orders_7d`: out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got 1E+18\n'),
        summary_zh="值过大或过于精确,或比率输入项不在 0 到 1 之间",
        explanation_zh=(
            "值按精确值读取,从不当作二进制浮点数,因此要限定范围,让运算保持低开销:"
            "绝对值小于 10^18(小数点前最多 18 位),最多 30 位小数(末尾的零不计)。"
            "店铺可能有的任何计数都在范围内,1e-13 以上的任何浮点数也是;在构造精确值之前就检查边界,"
            "所以 `1e1000000000` 会立即被拒绝。"
            "`rate` 输入项是 0 到 1 之间的数(0.04 即 4%),超出这个范围也是 E608。"
            "\n\n请检查这个值:通常是把比率写成了百分数(用 4 表示 4%),或者数字已损坏。"),
    ),
    Code(
        UNKNOWN_LANGUAGE, "UNKNOWN_LANGUAGE", ERROR,
        "An unknown language for the explanations of a decision",
        "Decisions explain themselves in English or Chinese: `lang=\"en\"` or `lang=\"zh\"` for "
        "`Policy.evaluate` and a compiled module's `evaluate`. (`tspol eval --lang` takes only "
        "those two.)\n\n"
        "Pass `en` or `zh`.",
        _python_report('tspol.load().evaluate({"orders_7d": 40}, region="US", lang="fr")\n', "E609: unknown language 'fr'; choose one of en, zh\n"),
        summary_zh="判定说明用了未知的语言",
        explanation_zh=(
            "判定结果可以用英文或中文说明:给 `Policy.evaluate` 和编译模块的 `evalu"
            "ate` 传 `lang=\"en\"` 或 `lang=\"zh\"`。"
            "(`tspol eval --lang` 也只接受这两个。)\n\n请传 `en` 或 `zh`。"),
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
        summary_zh="不是 JSON 的输入行",
        explanation_zh=(
            "`tspol eval` 输入的每一行(或整个输入,当它是一个对象时)"
            "都是 UTF-8 编码的 JSON。这一行不是 UTF-8、是空行、"
            "不是合法的 JSON(消息会指出位置)、对象嵌套过深、长度超过 1 MiB、"
            "字符串之外有看起来像空白的字符(JSON 的空白只有空格、制表符、CR 和 LF),"
            "或含有不成对的代理项(`\\ud800`)。在 JSON Lines 输入中,"
            "这一行的位置会写一条错误记录,其他行照常判定;退出码为 1。\n\n"
            "请修正这一行。空行也是错误,这样输出的第 N 行总是对应输入的第 N 行。"),
    ),
    Code(
        NO_REGION, "NO_REGION", ERROR,
        "A seller with no region",
        "A policy's rules differ by region, so every seller is decided in one: a line of `tspol "
        "eval` input takes the region of its `region` key, else `--region`. This one has "
        "neither.\n\n"
        "Give `--region`, or a `region` key on the line.",
        _seller('{"orders_7d": 40}', 'seller.json:1: error[E611]: key `region`: no region: give --region, or a `region` key on the line (this policy has US, SEA, UK)\n', options=""),
        summary_zh="没有地区的卖家",
        explanation_zh=(
            "政策的规则因地区而异,所以每个卖家都在某个地区内判定:"
            "`tspol eval` 输入的一行取它的 `region` 键,否则取 `--region`。"
            "这一行两者都没有。\n\n请给出 `--region`,或在这一行加上 `region` 键。"),
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
        summary_zh="有问题的 `seller_id`,或与 `metrics` 并列的键",
        explanation_zh=(
            "`tspol eval` 输入的一行可以带 `seller_id`:一个字符串或整数,"
            "会原样写进它的判定结果。输入值放在 `metrics` 键下时,"
            "这一行除了 `seller_id` 和 `region` 不能有其他键:"
            "与 `metrics` 并列的输入项会被排除在判定之外。\n\n"
            "请把 `seller_id` 写成字符串或整数;输入项要么全部放在 `metrics` 下,"
            "要么都不放。"),
    ),
    Code(
        DUPLICATE_KEY, "DUPLICATE_KEY", ERROR,
        "A key given twice in one object",
        "Most JSON readers keep the last of two values of a key without a word; tspol refuses "
        "the line, since which value was meant cannot be told. It applies at the top of a line, "
        "inside its `metrics`, and to each seller of a JSON list, which is that row's error.\n\n"
        "Remove one of the two.",
        _seller('{"orders_7d": 40, "orders_7d": 41}', 'seller.json:1: error[E613]: key `orders_7d`: `orders_7d` is given twice in one object\n'),
        summary_zh="同一对象中一个键出现了两次",
        explanation_zh=(
            "大多数 JSON 读取器遇到一个键的两个值时,会悄悄保留后一个;tspol 拒绝这一行,"
            "因为无法判断本意是哪个值。这适用于一行的顶层、它的 `metrics` 内部,"
            "以及 JSON 列表中的每个卖家(作为那一项的错误)。\n\n请删除其中一个。"),
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
        summary_zh="无法作为表读取的卖家表",
        explanation_zh=(
            "`tspol eval` 按表头行读取 CSV 文件,按列读取 Parquet 文件:"
            "每一列都以政策的一个输入项、`seller_id` 或 `region` 命名。"
            "这个表有重名或没有名称的列,有类型不对的 Parquet 列(输入项须为数字,"
            "`region` 须为文本,`seller_id` 须为文本或整数),"
            "或者它不是 UTF-8 文本(CSV),或根本不是 Parquet 文件;"
            "或者 CSV 的引号始终没有闭合(错误会指出引号开始的那一行)、CSV 的某行只以 CR 结尾,"
            "或 JSON 列表超过 16 MiB。这样每一行都会同样失败,或者分不清哪些单元格属于哪一行,"
            "所以什么也不判定。(不对应任何输入项的列是 E601;单元格比表头多或少的行是该行的 E610,"
            "其他行照常判定。)\n\n请修正表头或该列的类型。"),
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
        summary_zh="这个卖家无法接受的 --what-if 变化",
        explanation_zh=(
            "`tspol eval --what-if INPUT=+N` 把某个输入项(以及它所属的每个总"
            "数)增加 N 后,再判定一次每个卖家(多一单延迟订单就是多一单订单);"
            "`INPUT=N` 则把它设为恰好 N。没有给出这个输入项或其某个总数的卖家,无从增加;"
            "让卖家变得不可能的变化(部分超过总数、计数小于 0)也无法判定。"
            "这个卖家所在的行得到一条错误记录;其他行照常判定。\n\n"
            "请在这一行给出该输入项,或改用这个卖家能接受的变化量。"),
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
        summary_zh="判定某个卖家时遇到 tspol 的缺陷",
        explanation_zh=(
            "判定这一行失败了,原因不在输入,而是 tspol 的缺陷。这一行的位置会写一条错误记录,"
            "其他行照常判定;退出码为 1。(其他地方的缺陷会以退出码 3 终止命令,并输出一行说明。)\n\n"
            "请报告这个问题,并附上这一行输入。"),
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
        summary_zh="不是 JSON 对象的事件行",
        explanation_zh=(
            "事件是 JSON Lines,读法与 `tspol eval` 读取卖家相同:"
            "每行一个 JSON 对象(空行跳过,但仍计入行号)。这一行无法解析(消息会指出位置)、嵌套过深、"
            "对象后面还有内容,或者不是对象。\n\n请每行写一个事件对象。"),
    ),
    Code(
        BAD_KIND, "BAD_KIND", ERROR,
        "An unknown kind of event",
        "Every event's `kind` is `violation`, `metrics`, `appeal`, `hold`, "
        "`investigation_closed` or `link`. The other problems of the line are reported too.\n\n"
        "Use one of those kinds.",
        _events('{"date": "2024-08-01", "kind": "warning", "id": "v1"}\n', 'events.jsonl:1: error[E701]: key `kind`: unknown kind "warning"; expected "violation", "metrics", "appeal", "hold", "investigation_closed", "link"\n'),
        summary_zh="未知的事件类型",
        explanation_zh=(
            "每个事件的 `kind` 是 `violation`、`metrics`、`appeal`、"
            "`hold`、`investigation_closed` 或 `link` 之一。"
            "这一行的其他问题也会一并报告。\n\n请使用这些类型之一。"),
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
        summary_zh="事件缺少必需的键",
        explanation_zh=(
            "每个事件都有 `date` 和 `kind`,每种类型还有各自的键:"
            "violation 需要 `id`、`rule` 和 `points`;"
            "metrics 需要 `id` 和 `metrics`;"
            "appeal 需要 `violation` 和 `outcome`;hold 需要 `id`、"
            "`violation` 和 `days`;`investigation_closed` 需要"
            " `hold`;link 需要 `account`。在含有多个卖家事件的文件中,"
            "每个事件都要有 `seller_id`。\n\n请补上指出的键。"),
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
        summary_zh="形式不对的事件值",
        explanation_zh=(
            "值不符合它的键要求的形式:日期写作 `\"YYYY-MM-DD\"`,且是日历上真实存在的一天;"
            "id 是非空字符串;`points` 是大于等于 0 的整数;"
            "`days` 是大于等于 1 的整数;`metrics` 是对象;"
            "`outcome` 是 `\"accepted\"` 或 `\"rejected\"`;"
            "`note` 是文本;`seller_id` 是非空字符串或整数,"
            "且同一卖家始终写法一致(同一文件中的 `7` 和 `\"7\"` 是错误,而不是两个卖家)。"
            "在 Python 中向违规分台账查询的日期(`state(on)`)不是日期时,也是 E703。"
            "\n\n请按消息所说写这个值。"),
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
        summary_zh="这种事件没有的键",
        explanation_zh=(
            "每种事件都有固定的一组键,每个事件还可以带 `note`,即违规分台账不读取的自由文本。"
            "未知的键是错误,不会被忽略,因为它通常是台账需要的某个键拼错了;消息会列出这种事件的键。\n\n"
            "请修正或删除这个键;备注请写在 `note` 中。"),
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
        summary_zh="id 用了两次、调查结束了两次,或账号关联了两次",
        explanation_zh=(
            "violation、metrics 和 hold 事件的 id 在该卖家的事件中必须唯一(在含有"
            "多个卖家的文件中,每个卖家的 id 各自独立),因为 appeal 和 hold 要引用它们。"
            "这个代码也用于同一次冻结的第二个 `investigation_closed`,"
            "以及同一账号的第二个 `link`。消息会指出第一次出现的那一行。\n\n"
            "请给每个事件一个自己的 id;删除重复的事件。"),
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
        summary_zh="事件引用的 id 不属于该卖家的任何事件",
        explanation_zh=(
            "appeal 或 hold 通过 id 引用一个 violation 或 metrics 事件,"
            "`investigation_closed` 引用一个 hold。"
            "该卖家没有任何事件使用这个 id(在含有多个卖家的文件中,只算该卖家自己的事件),"
            "或者使用它的事件是另一种类型。引用了在台账顺序中排在后面的事件,是 E707。\n\n"
            "请修正这个 id。"),
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
        summary_zh="事件引用了在台账顺序中排在它后面的事件",
        explanation_zh=(
            "违规分台账按日期处理事件,不论文件中的顺序如何;同一天的事件按文件中的顺序处理(D12)。"
            "appeal 或 hold 引用的 violation 或 metrics 事件,"
            "以及 `investigation_closed` 引用的 hold,"
            "都必须在这个顺序中排在它前面;而这个事件引用的事件日期在它之后,或在同一天却位于它下面的行。"
            "在处罚之前的申诉没有意义:通常是日期或 id 写错了。\n\n"
            "请修正日期;同一天内,把被引用的事件放在引用它的事件上面。"),
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
        summary_zh="无法读取或不是 UTF-8 的事件文件或事件行",
        explanation_zh=(
            "事件按行读取,作为 UTF-8 文本:这一行不是 UTF-8(消息会给出该字节及其所在的列),"
            "或超过一行允许的长度(1 MiB);或者按路径给出的文件(Python 中的 `policy.l"
            "edger(\"events.jsonl\")`)不存在或无法读取。\n\n"
            "请把文件另存为 UTF-8;检查路径。"),
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
        summary_zh="同一事件中一个键出现了两次",
        explanation_zh=(
            "大多数 JSON 读取器遇到一个键的两个值时,会悄悄保留后一个;tspol 拒绝这个事件,"
            "因为无法判断本意是哪个值(正如 `tspol eval` 拒绝这样的卖家,E613)。\n\n"
            "请删除其中一个。"),
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
        summary_zh="违规事件引用的既不是政策的规则,也不是违规原因",
        explanation_zh=(
            "违规事件的 `rule` 是该卖家所在地区的一条政策规则,"
            "或违规原因准则中的一个违规原因(用于平台自行设定违规分的情形)。"
            "这个名称两者都不是(help 行会给出最接近的名称),或者它只是其他地区的规则。\n\n"
            "请修正名称,或改用违规原因准则中的原因。"),
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
        summary_zh="违规分台账的地区不在政策中",
        explanation_zh=(
            "卖家违规分台账的地区(`Policy.ledger` 的 `region=`,"
            "或 metrics 事件的 `region`)必须是政策声明过的地区;名称按原样比较。"
            "消息会列出政策的地区。\n\n请使用列出的地区之一。"),
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
        summary_zh="冻结天数超出了期限范围",
        explanation_zh=(
            "hold 事件的 `days` 是选定的冻结天数,"
            "必须在政策中该冻结场景的期限范围之内(`period 90d to 180d`)。\n\n"
            "请选择期限范围之内的天数。"),
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
        summary_zh="冻结场景未知,或与违规不符",
        explanation_zh=(
            "冻结的场景是它的 `scenario` 键指定的场景;没有指定时,"
            "是政策中唯一一个原因(`for ...`)包含被冻结违规之原因的冻结场景。这里指定的场景不存在,"
            "或是针对其他原因的;或者没有任何场景涵盖这项违规(例如没有违规原因的规则);"
            "或者有多个场景涵盖它,这时事件必须指定一个。\n\n"
            "请用 `scenario` 指定场景,或冻结一项其原因有场景涵盖的违规。"),
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
        summary_zh="无法判定的 metrics 事件:没有判定函数,或没有地区",
        explanation_zh=(
            "metrics 事件按当天的政策判定,这需要一个判定函数(`Policy.ledger` 或"
            " `tspol simulate` 建立的违规分台账有;"
            "不带 `evaluate=` 构造的 `Ledger` 没有)和一个地区:台账的地区,"
            "否则是政策唯一的地区,否则是 metrics 事件的 `region`。两者缺了其一。\n\n"
            "请用 `Policy.ledger` 建立台账,并给它一个地区。"),
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
        summary_zh="政策没有 `ledger` 块",
        explanation_zh=(
            "违规分台账依照政策的 `ledger { ... }` 块记分:违规分计入多久,"
            "以及每个阈值触发什么。没有这个块的政策包可以判定卖家,但不记录违规分。\n\n"
            "请声明一个 `ledger` 块,写上 `points expire after 180d` 和"
            "各个阈值。"),
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
        summary_zh="冻结了已撤销的违规",
        explanation_zh=(
            "这次冻结发生在一次被接受的申诉撤销了它所针对的违规之后,已经没有需要冻结的货款了。\n\n"
            "请删除这次冻结,或检查申诉和冻结的先后顺序。"),
    ),
    Code(
        NO_DATE, "NO_DATE", ERROR,
        "No day to show a ledger's state on",
        "A ledger's state is of one day: the one asked for (`--on`, `state(on)`), else the day "
        "of the last event. With no events and no day asked for, there is no day.\n\n"
        "Name the day (`--on 2024-09-08`), or give events.",
        _python_report('tspol.load().ledger([], region="US").state()\n', 'E718: there are no events: name the day of the state\n'),
        summary_zh="没有可以显示违规分台账状态的日期",
        explanation_zh=(
            "违规分台账的状态是某一天的状态:所要求的那一天(`--on`、`state(on)`),"
            "否则是最后一个事件的日期。没有事件,也没有要求日期时,就没有这一天。\n\n"
            "请指定日期(`--on 2024-09-08`),或提供事件。"),
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
        summary_zh="事件日期太晚,超出了日历范围",
        explanation_zh=(
            "事件之后政策规定的各段期限(违规分过期、处罚措施、限单、冻结和申诉期限,累加起来)"
            "必须在 9999-12-31 之前结束,这是 tspol 计算的最后一天。"
            "日期这么晚的事件几乎总是年份写错了。\n\n请修正日期。"),
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
        summary_zh="metrics 事件的地区与它的违规分台账不同",
        explanation_zh=(
            "卖家的违规分台账只有一个地区:给定的地区,否则是政策唯一的地区,"
            "否则是第一个 metrics 事件指定的地区。这个 metrics 事件指定了另一个地区。\n\n"
            "请让每个卖家的事件都在同一地区,或把各地区的事件分开模拟。"),
    ),
    # ---- E74x: issue 11, points from the catalogue
    Code(
        EVENT_POINTS_OUTSIDE, "EVENT_POINTS_OUTSIDE", ERROR,
        "A violation event's points outside its reason's stated points",
        "A violation event names a rule or a catalogue reason; when that reason (the rule's, for a "
        "rule) states its points (`points 3`, `points 2 to 4`), the event's `points` are within "
        "them. This event's are not.\n\n"
        "Correct the event's points, or name the reason it is for.",
        Example((("example.pol", _RATE + "category c\nreason slow in c { points 2 to 4 }\n"
                                         "ledger { points expire after 180d }\n"),
                 ("events.jsonl", '{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "slow", '
                                  '"points": 5}\n')),
                "tspol simulate --policy example.pol --region US events.jsonl",
                "events.jsonl:1: error[E740]: key `points`: 5 points for reason `slow`, whose points are 2 to 4\n"),
        summary_zh="violation 事件的违规分超出了违规原因写明的违规分",
        explanation_zh=(
            "violation 事件指定一条规则或一个目录中的违规原因;该违规原因(对规则而言是规则的违规原因)"
            "写明违规分(`points 3`、`points 2 to 4`)时,事件的 `points` 必须在其中。这个事件的不在其中。\n\n"
            "请修正事件的违规分,或指定它所属的违规原因。"),
    ),
    Code(
        EVENT_POINTS_NOT_IN_TABLE, "EVENT_POINTS_NOT_IN_TABLE", ERROR,
        "A violation event's points that no row of its rule scores",
        "A violation event that names a rule whose reason states its points is a violation of one "
        "of the rule's rows: its `points` are what one of the rule's rows scores. This event's "
        "points are within the reason's, but no row of the rule scores them.\n\n"
        "Correct the event's points to a row's points.",
        Example((("example.pol", _RATE + "category c\nreason slow in c { points 2 to 4 }\nrule r in US {\n"
                                         "  reason slow\n  table {\n    when 4% <= LDR < 10% then points 2\n"
                                         "    when LDR >= 10% then points 4\n  }\n}\n"
                                         "ledger { points expire after 180d }\n"),
                 ("events.jsonl", '{"date": "2024-08-01", "kind": "violation", "id": "v1", "rule": "r", '
                                  '"points": 3}\n')),
                "tspol simulate --policy example.pol --region US events.jsonl",
                "events.jsonl:1: error[E741]: key `points`: 3 points for rule `r`, whose tables give 2, 4\n"),
        summary_zh="violation 事件的违规分不是其规则任何一行所记的分",
        explanation_zh=(
            "violation 事件指定的规则,其违规原因写明了违规分时,这个事件就是该规则某一行的违规:"
            "它的 `points` 必须是规则某一行所记的分。这个事件的违规分在违规原因的范围内,"
            "但规则没有哪一行记这个分。\n\n"
            "请把事件的违规分改为某一行的违规分。"),
    ),
    # ---- E75x: versions in one pack (issue 11: versions; tspol.api, tspol.cli.test)
    Code(
        NO_VERSION, "NO_VERSION", ERROR,
        "A day before the pack's first version",
        "A pack with amendments decides a day by the version in force that day: the last whose "
        "effective date is on or before it. An example seller's `on` (in `tspol test`), or "
        "`policy.on(day)` in Python, names a day before the pack's first version, so no version of "
        "the pack decides it (`tspol eval --on` and `tspol compile --on` say so as a usage error).\n\n"
        "Name a day on or after the `effective` date of the `policy` block.",
        Example((("p/policy.pol", _POLICY + "input orders: count\namendment \"2\" effective 2024-06-01 {\n"
                                            "  region UK\n}\n"),
                 ("p/examples/e.jsonl", '{"name": "early", "on": "2023-12-31", "region": "US", "metrics": {}, '
                                        '"expect": {"points": 0}}\n')),
                "tspol test p",
                ('the policy rejects these metrics: 2023-12-31 is before the first version of the pack, "1" (effective 2024-01-01)\n'
                 '  --- expected\n  +++ actual\n  @@ -1,3 +1,6 @@\n   {\n  -  "points": 0\n  +  "error": {\n'
                 '  +    "code": "E750",\n')),
        summary_zh="早于政策包第一个版本的日期",
        explanation_zh=(
            "有修订的政策包按某一天有效的版本判定那一天:生效日期不晚于那一天的最后一个版本。"
            "示例卖家的 `on`(`tspol test` 中),或 Python 中的 `policy.on(day)`,指定了早于政策包第一个版本的日期,"
            "所以没有任何版本可以判定它(`tspol eval --on` 和 `tspol compile --on` 会把它报为用法错误)。\n\n"
            "请指定不早于 `policy` 块 `effective` 日期的一天。"),
    ),
    # ---- W74x: issue 11, evaluation cadence
    Code(
        OFF_CADENCE, "OFF_CADENCE", WARNING,
        "A metrics event on a day its rule is not evaluated",
        "A rule may say when it is evaluated (`evaluated weekly on monday`, `evaluated monthly on "
        "day 20`; day 29 to 31 is a shorter month's last day). A metrics event decides every "
        "rule whose inputs it gives; this one is dated on a day that such a rule is not "
        "evaluated, so its metrics were likely measured on another day, or the date is wrong. "
        "It still counts; `tspol simulate --strict` refuses it, and the JSON state lists it "
        "under `off_cadence`.\n\n"
        "Date the event on the rule's evaluation day, or correct the rule's cadence.",
        Example((("example.pol", _RATE + "rule r in US {\n  on LDR\n  evaluated weekly on monday\n}\n"
                                         "ledger { points expire after 180d }\n"),
                 ("events.jsonl", '{"date": "2024-08-06", "kind": "metrics", "id": "m1", '
                                  '"metrics": {"orders": 100, "late": 2}}\n')),
                "tspol simulate --policy example.pol --region US events.jsonl",
                "events.jsonl:1: warning[W740]: key `date`: rule `r` is evaluated weekly on monday: "
                "2024-08-06 is not one of its days\n"),
        summary_zh="metrics 事件不在其规则的评估日",
        explanation_zh=(
            "规则可以写明评估时间(`evaluated weekly on monday`、`evaluated monthly on day 20`;"
            "29 到 31 日在较短的月份为其最后一天)。metrics 事件判定它给出了输入的每条规则;"
            "这个事件的日期不是其中某条规则的评估日,所以它的指标很可能是在另一天测得的,或者日期写错了。"
            "它仍然计入;`tspol simulate --strict` 会拒绝它,JSON 状态在 `off_cadence` 下列出它。\n\n"
            "请把事件的日期改为规则的评估日,或修正规则的评估时间。"),
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

LANGS = ("en", "zh")
WIDTH = 79  # columns: a Chinese character takes two
ILLUSTRATION = "an illustration: no input gives this message every time"
# The words around the entries, in each language.
WORDS = {
    "en": {"example": "Example:", "saved": " (saved as {}, not UTF-8)", "illustration": ILLUSTRATION,
           "severity": "Severity: {}.", ERROR: ERROR, WARNING: WARNING,
           "columns": "| code | severity | summary |"},
    "zh": {"example": "示例(输出为英文):", "saved": "(以 {} 而非 UTF-8 保存)",
           "illustration": "仅为示意:没有哪个输入每次都给出这条消息",
           "severity": "严重级别:{}。", ERROR: "错误", WARNING: "警告",
           "columns": "| 代码 | 级别 | 摘要 |"},
}


def _words(lang: str) -> dict[str, str]:
    if lang not in WORDS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return WORDS[lang]


def _wrapped(paragraphs: str, lang: str = "en") -> str:
    """Each paragraph filled to WIDTH columns: English at spaces, Chinese also between
    characters, by the columns a terminal gives them."""
    if lang == "zh":
        from tspol import widetext

        return "\n\n".join(widetext.fill(p, WIDTH) for p in paragraphs.split("\n\n"))
    return "\n\n".join(textwrap.fill(p, WIDTH, break_on_hyphens=False, break_long_words=False)
                       for p in paragraphs.split("\n\n"))


def _indented(text: str, indent: str) -> str:
    return "".join(indent + line if line.strip() else line for line in text.splitlines(keepends=True))


def explain_text(entry: Code, lang: str = "en") -> str:
    """The entry as `tspol explain CODE` prints it, in `lang` (`en` or `zh`). The first
    line is `error[E502]: ...` in both, as tspol prints the code."""
    words, example = _words(lang), entry.example
    parts = [f"{entry.severity}[{entry.code}]: {entry.summary_in(lang)}\n",
             _wrapped(entry.explanation_in(lang), lang) + "\n", words["example"] + "\n"]
    for path, text in example.files:
        saved = "" if example.encoding == "utf-8" else words["saved"].format(example.encoding)
        parts.append(f"  {path}{saved}:\n{_indented(text, '    ')}")
    shown = "" if example.runs else f"  ({words['illustration']})\n"
    parts.append(f"{shown}  $ {example.command}\n{_indented(example.output, '  ')}")
    return "\n".join(parts)


def explain_markdown(entry: Code, lang: str = "en") -> str:
    """The entry in Markdown, in `lang`."""
    words, example = _words(lang), entry.example
    parts = [f"## {entry.code}: {entry.summary_in(lang)}\n", words["severity"].format(words[entry.severity]) + "\n",
             entry.explanation_in(lang) + "\n", words["example"] + "\n"]
    for path, text in example.files:
        saved = "" if example.encoding == "utf-8" else words["saved"].format(example.encoding)
        parts.append(f"`{path}`{saved}:\n\n{_fence(text, 'python' if path.endswith('.py') else '')}")
    if not example.runs:
        parts.append(f"{words['illustration']}:\n")
    parts.append(_fence(f"$ {example.command}\n{example.output}", "console"))
    return "\n".join(parts)


def _fence(text: str, lang: str = "") -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{text}{fence}\n"


def list_text(lang: str = "en") -> str:
    """Every code, its severity and its summary, one a line."""
    words = _words(lang)
    if lang == "en":
        return "".join(f"{e.code}  {e.severity:<7}  {e.summary}\n" for e in REGISTRY)
    return "".join(f"{e.code}  {words[e.severity]}  {e.summary_in(lang)}\n" for e in REGISTRY)


def list_markdown(lang: str = "en") -> str:
    """Every code as a row of a Markdown table (the README's list of codes, in English)."""
    words = _words(lang)
    rows = [words["columns"] + "\n", "|---|---|---|\n"]
    rows += [f"| {e.code} | {words[e.severity]} | {_cell(e.summary_in(lang))} |\n" for e in REGISTRY]
    return "".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
