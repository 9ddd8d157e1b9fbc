"""The help of `tspol` and of every command, in Chinese.

`TEXTS[command]` holds the command's help (`"help"`: paragraphs parted by blank
lines, the first one sentence, the summary `tspol --help` lists) and the help of
each of its options, by its long name (`"--format"`); `"tspol"` is the group
itself. `HELP_OPTION` is the help of `-h, --help`, the same for all.

`tspol.cli.help` reads this module only when it writes help in Chinese, so no
command pays for it otherwise. Option names, metavariables (PATH, FILE, DATE),
keywords and backticked code stay as the English has them; `tests/test_help_zh.py`
holds this catalog to the commands as they are: every command and option here,
and nothing that does not exist. Change the English and the Chinese together.
"""

from __future__ import annotations

HELP_OPTION = "显示本帮助并退出。"

_PACK = "PATH 是一个 .pol 文件或包含 .pol 文件的文件夹(默认:./policies,或内置的政策包)。"

TEXTS: dict[str, dict[str, str]] = {
    "tspol": {
        "help": "tspol:用代码编写卖家绩效政策。\n\n"
                "在 .pol 文件中编写政策,检查、格式化政策,把它编译为精确的 Python 代码,并据此判定卖家。",
        "--version": "显示版本并退出。",
    },
    "analyze": {
        "help": "显示各表每一行判定的卖家,以及没有任何行判定的卖家。\n\n" + _PACK,
        "--rule": "只分析这条规则。",
        "--region": "只分析这个地区。",
        "--format": "text 供政策作者阅读,json 供工具使用。",
        "--on": "分析 DATE 那天有效的政策包版本(默认:最新的版本)。",
        "--lang": "消息的语言,英文或中文(默认:TSPOL_LANG,否则按系统的区域设置)。",
    },
    "cases": {
        "help": "为每个分级边界写出边界上的卖家,格式为 JSON Lines。\n\n" + _PACK,
        "--region": "只写这个地区的。",
        "--on": "写出 DATE 那天有效的政策包版本的边界卖家(默认:最新的版本)。",
    },
    "check": {
        "help": "检查政策包:语法、名称、类型、单位、范围和表。\n\n"
                "PATH 是包含 .pol 文件的文件夹(默认:./policies;没有时用内置的政策包),或一个 .pol 文件:"
                "单个文件作为它所属政策包的一部分检查。本次运行发现的每个问题都会报告。\n\n"
                "`-` 从标准输入读取一个文件的文本,即编辑器中尚未保存的内容:带 --stdin-filename 时,按那个文件、"
                "在它所属的政策包中检查;不带时,作为一个名为 <stdin> 的独立政策包检查。",
        "--format": "text 供人阅读,json 供工具使用,github 用于工作流注释,sarif(SARIF 2.1.0)用于代码扫描。",
        "--strict": "把警告当作错误。",
        "--stdin-filename": "与 `-` 一起使用:标准输入上的文本所属的 .pol 文件,作为它所属政策包的一部分检查。",
        "--lang": "消息的语言,英文或中文(默认:TSPOL_LANG,否则按系统的区域设置)。",
    },
    "compile": {
        "help": "把政策包编译为只依赖标准库的 Python 模块。\n\n"
                "PATH 是包含 .pol 文件的文件夹或其中的一个文件,代表它所属的政策包(默认:./policies,"
                "或内置的政策包);包含多个政策包的文件夹会逐个编译。模块提供 `evaluate(metrics, region, lang=\"en\")` "
                "和 `POLICY` 头信息;`--target ir` 改为写出 JSON 格式的 IR,`--target duckdb` 或 `spark` "
                "写出一条针对指标表的 SQL 查询(带 `--headroom` 时还有 `headroom` 和 `recovery` 两列)。"
                "相同的源文件总是生成相同的字节。有错误(`tspol check` 报告的错误)"
                "的政策包不编译,此时什么也不写。",
        "--output": "写入的文件夹(需要时会创建)。",
        "--target": "python:只依赖标准库的 Python 模块;ir:JSON 格式的 IR,供其他语言的工具使用;"
                    "duckdb:针对表 `metrics` 的 DuckDB 查询;spark:针对表 `metrics` 的 Spark SQL 查询。",
        "--table": "SQL 查询读取的表(duckdb、spark;默认:metrics)。",
        "--lang": "SQL 查询中 `because` 说明文字的语言(duckdb、spark;默认:en)。",
        "--headroom": "SQL 查询同时带上 `headroom` 和 `recovery` 两列,与 `tspol eval --headroom` "
                      "写出的相同(duckdb、spark)。",
        "--on": "编译 DATE 那天有效的政策包版本(默认:最新的版本)。",
    },
    "diff": {
        "help": "显示政策包的两个版本在判定上有何不同。\n\n"
                "OLD 和 NEW 是 .pol 文件或包含 .pol 文件的文件夹。使用 --git REV 时,把 PATH(默认:./policies,"
                "或内置的政策包)与它自己在修订版本 REV 的内容比较。",
        "--git": "把工作区中的政策包与这个 git 修订版本中的政策包比较。",
        "--from": "比较 PATH 在 DATE 那天有效的版本(配合 --to)。",
        "--to": "……与 DATE 那天有效的版本比较(默认:最新的版本)。",
        "--versions": "按名称比较 PATH 的两个版本。",
        "--format": "text 供人阅读,json 供工具使用,markdown 用于拉取请求(pull request)的评论。",
        "--lang": "消息的语言,英文或中文(默认:TSPOL_LANG,否则按系统的区域设置)。",
    },
    "doc": {
        "help": "把政策写成一个 HTML 页面,附有每个分级表的覆盖图。\n\n"
                "PATH 是一个 .pol 文件或包含 .pol 文件的文件夹(默认:./policies,或内置的政策包)。页面为 "
                "DIR/<policy>.html(内置政策包为 DIR/tiktok_shop_crossborder.html):每条规则及其中英文名称,"
                "各表及每一行在源文件中的行号,每一行判定的卖家和没有任何行判定的卖家的图示,各项标准,各阈值及其"
                "处罚措施,以及违规原因准则。页面只需要浏览器:不联网,不含脚本。相同的政策包总是生成相同的字节。"
                "有错误(`tspol check` 报告的错误)的政策包不生成页面。",
        "--output": "写入页面的文件夹(需要时会创建)。",
        "--lang": "页面的主要语言;另一种语言显示在旁边。",
        "--on": "为 DATE 那天有效的政策包版本写页面(默认:最新的版本)。",
    },
    "eval": {
        "help": "判定卖家:每个卖家输出一个判定;输入为一个 JSON 对象、JSON Lines、JSON 列表、CSV 或 Parquet"
                "(FILE,FILE 为 `-` 时读标准输入)。\n\n"
                "卖家可以带 `seller_id`(原样写进它的判定)和 `region`(优先于 --region)。数字按精确值处理;"
                "计数是整数(5 或 5.0,不能是 5.5);null(CSV 中的空单元格)表示未给出。一行最多 1 MiB。无法判定的"
                "卖家,在它的位置输出一条错误记录;此时退出码为 1。",
        "--policy": "一个 .pol 文件或包含 .pol 文件的文件夹(默认:./policies,或内置的政策包)。",
        "--region": "输入中没有写地区的卖家所在的地区(行中的 `region` 优先);默认:政策唯一的地区。",
        "--format": "text:卖家看得懂的简短报告;json:每个卖家一个判定对象(region、points、warning、violations、"
                    "findings、not_applicable、discretionary)。默认:text,使用 -o、--fields 或 --shape lean 时为 json。",
        "--lang": "消息和判定说明的语言,英文或中文(默认:TSPOL_LANG,否则按系统的区域设置)。",
        "--jobs": "判定较长的 JSON Lines 输入(超过 20,000 行)所用的进程数;默认:按本进程可用的 CPU 选择(少于 4 个 "
                  "CPU 时为 1 个,因为辅助进程的开销大于节省;否则为 CPU 数的一半,最多 4 个);-v 会说明。",
        "--engine": "python:编译出的模块;duckdb:在嵌入式 DuckDB 上运行政策包的 SQL(需要 `duckdb` 可选组件);"
                    "spark:在 Spark 上运行(需要 `spark` 可选组件和 Java 17),除非 PYSPARK_SUBMIT_ARGS 指定了 "
                    "master,否则在本地运行。批量判定时,结果逐字节相同。",
        "--input-format": "FILE 的格式;默认:按扩展名(.jsonl、.ndjson、.json、.csv、.parquet)判断,否则为 JSON "
                          "Lines 或一个 JSON 对象。",
        "--output": "把判定写入这个文件,格式按扩展名:.jsonl(与不带 -o 时打印的字节相同)、.csv 或 .parquet"
                    "(每个卖家一行,列与 SQL 查询的相同)。要么完整写出,要么什么也不写。",
        "--fields": "只写出每个判定的这些字段,格式为 JSON Lines、CSV 或 Parquet:判定的键(region、points、warning、"
                    "violations、findings、not_applicable、discretionary;带等级的政策包还有 levels),或其列表中每一项的键"
                    "(violations.rule、violations.row),或一个等级集(levels.health)。",
        "--shape": "lean:region、points、warning,以及每项违规的 rule、table、row、points、warning、limit 和 "
                   "measures(带等级的政策包还有 levels),判定时不生成任何说明文字(最快);full:所有字段(默认)。",
        "--headroom": "在每个判定中加上卖家离更差的结果还有多远(`headroom`:每个越多越差的输入项最少再增加多少),"
                      "以及回到各项标准之内的路(`recovery`:最少还需要多少单达标的订单)。",
        "--what-if": "同时判定变化后的每个卖家,与实际的判定并列(JSON 中的 `what_if`):某个输入项增加或减少 N"
                     "(部分所属的总数同样变化:多一单延迟订单就是多一单订单),或恰好为 N。可以给出多次。",
        "--verbose": "在标准错误上说明用多少个进程判定,以及原因。",
        "--on": "按 DATE 那天有效的政策包版本判定(默认:最新的版本)。",
    },
    "explain": {
        "help": "解释诊断代码:它的含义、tspol 为什么报告它、如何修正。\n\n"
                "CODE 是 tspol 打印的代码,例如 E502 或 W501。不给 CODE(或使用 --list)时,列出每个代码及其严重"
                "级别和摘要。",
        "--list": "列出每个代码及其严重级别和摘要(不给 CODE 时的默认行为)。",
        "--format": "text 供人阅读,markdown 用于文档。",
        "--lang": "消息的语言,英文或中文(默认:TSPOL_LANG,否则按系统的区域设置)。",
    },
    "fmt": {
        "help": "就地格式化 .pol 文件(默认:./policies)。\n\n"
                "注释保持原位;格式化两次不会再有变化。`-` 读取标准输入,把结果写到标准输出(使用 --check 或 --diff "
                "时,像文件一样检查或比较)。内置的政策包只能用 --check 或 --diff 格式化:它永远不会被改写。",
        "--check": "不做任何修改;列出会被修改的文件,只要有文件会被修改,退出码就为 1。",
        "--diff": "不做任何修改;以 diff 显示修改,只要有修改,退出码就为 1。",
    },
    "lsp": {
        "help": "通过标准输入和标准输出运行 tspol 语言服务器。\n\n"
                "由编辑器启动它,并用语言服务器协议(LSP)与它通信:边输入边给出整个政策包的诊断,以及悬停提示、"
                "转到定义、查找引用、重命名、补全、格式化、文档符号、折叠和快速修复。需要 `lsp` 可选组件:"
                "pip install 'tspol[lsp]'。",
        "--stdio": "通过标准输入和标准输出通信:这是默认的,也是唯一的传输方式(编辑器的客户端会传这个选项)。",
    },
    "simulate": {
        "help": "根据 EVENTS(一个 JSON Lines 文件,- 表示标准输入)模拟卖家的违规分台账。\n\n"
                "每行一个事件,顺序不限(按日期处理;同一天的事件按文件中的顺序):violation {date, kind, id, rule, "
                "points},metrics {date, kind, id, metrics[, region]},appeal {date, kind, violation, outcome},"
                "hold {date, kind, id, violation, days[, scenario]},investigation_closed {date, kind, hold},"
                "link {date, kind, account}。一行最多 1 MiB。\n\n"
                "含有多个卖家的文件中,每个事件都带 seller_id(字符串或整数);每个卖家的 id 各自独立。各卖家按其在"
                "文件中首次出现的顺序显示:使用 --format json 时每个卖家一行 JSON,\"seller_id\" 在前,后面是状态的"
                "各个键;使用 text 时,每个卖家的报告放在写明该卖家的标题下。不带 --on 时,每个卖家的状态取其自己"
                "最后一个事件的日期。\n\n"
                "输出中的日期:违规在它不再计入的第一天 `expires`;限制措施 `from` 它生效的第一天起,`until` 它不再"
                "生效的第一天(null:永久)。\n\n"
                "使用 --until 时,输出从 --on(或第一个事件的日期)到 --until(两端都包括)的各个状态,每隔 --every "
                "天一个(也可以按周:2w);有多个卖家时,每个卖家每一步一行:先是第一个卖家按日期排列的各步,然后是"
                "下一个卖家的(除非给了 --on,否则各自从自己第一个事件的日期开始)。早于那个第一天的 --until 是用法"
                "错误(退出码 2),而不是一张空图表;一个卖家的状态超过 --max-states 个(不指定时为 10,000 个:逐日"
                "约 27 年)也是用法错误,并会说明会打印多少个。\n\n"
                "使用 --engine spark 时,事件在这里读取和检查,与 --engine python 相同(同样的错误,在 Spark 启动之前);"
                "然后每个卖家的违规分台账在 Spark 的执行器上生成和打印,执行器运行的是这个 Python(PYSPARK_PYTHON "
                "可以指定另一个),输出逐字节相同。\n\n"
                "图表(--format svg 或 html,或 text 加 --chart)显示每个卖家每天的有效违规分,从第一个事件的日期"
                "(或配合 --until 时从 --on)到 --until,否则到 --on,否则到不再有任何到期事项的那一天(违规分过期,"
                "限制措施和冻结结束):包括各阈值及其处罚措施、每个阈值下方的正式警告区间、每次违规和申诉的标记,"
                "以及每项限制措施、冻结和停用各占一条泳道。有多个卖家时,svg 为每个卖家叠放一张图,各以卖家为标题;"
                "html 为每个卖家一节。svg 和 html 显示每一处变化,所以不接受 --every,并且在这里用 --engine python "
                "绘制。",
        "--policy": "政策包(默认:./policies,或内置的政策包)。",
        "--region": "卖家的地区,例如 US(默认:政策唯一的地区,或卖家的 metrics 事件指定的地区)。",
        "--on": "状态所在的日期(默认:最后一个事件的日期,每个卖家各自的);配合 --until 时为第一步。",
        "--until": "输出从 --on(默认:第一个事件的日期)到 DATE 每一步的状态,DATE 不早于那个第一天。",
        "--every": "--until 的步长,以天或周计,例如 7d 或 2w。",
        "--max-states": "--until 为一个卖家最多打印的状态数;超过是用法错误,并会说明有多少个。",
        "--format": "text:时间线和状态;json:状态(使用 --until 时为各状态的 JSON Lines,有 seller_id 时为各卖家的 "
                    "JSON Lines);svg:有效违规分对照各阈值的图表;html:包含图表和时间线的页面。",
        "--chart": "配合 --format text:在每个卖家的报告后附一张有效违规分的小图表。",
        "--strict": "把警告当作错误:不在其规则评估日的 metrics 事件(W740)使退出码为 1,什么也不打印。",
        "--engine": "python:在这里;spark:在 Spark 的执行器上生成每个卖家的违规分台账(需要 `spark` 可选组件和 "
                    "Java 17),除非 PYSPARK_SUBMIT_ARGS 指定了 master,否则在本地运行。输出字节相同。",
        "--lang": "消息的语言,英文或中文(默认:TSPOL_LANG,否则按系统的区域设置)。",
    },
    "test": {
        "help": "判定 PATH/examples/*.jsonl 中的每个示例卖家,并与预期比较。\n\n"
                "PATH 是一个政策包(默认:./policies,或内置的政策包)。每个示例行有名称、地区、指标和预期的判定"
                "(不含说明文字)。每个示例都通过时退出码为 0,否则为 1。",
        "--update": "用政策现在的判定,改写未通过示例的预期判定。",
        "--junit": "同时把结果以 JUnit XML 写入这个文件,供 CI 使用(需要时会创建它的文件夹)。",
        "--verbose": "列出每个示例,而不只是未通过的。",
        "--lang": "消息的语言,英文或中文(默认:TSPOL_LANG,否则按系统的区域设置)。",
    },
}
