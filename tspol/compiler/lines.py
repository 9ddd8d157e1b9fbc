"""Lines of generated Python of at most WIDTH characters, so that a module reads (and
reviews as a diff) like code a person wrote: `wrapped(line)` is the line as it is when
it fits, else the same statement over several lines.

How a line may be broken:
- a trailing comment moves to a line of its own above the code;
- a comment or a one-line docstring is filled to the width at its spaces;
- a bracket that runs to the end of the line (`f(...)`, `{...},`, `(...) = values`)
  gets an element a line, each element broken again if it is still too long;
- the condition of `if`/`elif`/`return` is put in parentheses, an `and`/`or` a line;
- a long string becomes adjacent strings, a line each (Python joins them), cut
  between characters, never inside an escape or an f-string's `{field}`.

Each rule that applies is tried and the first whose lines all fit is kept (else the
one leaving fewest long lines). Every break is checked: the broken statement must
parse to the same syntax tree as the line; where it would not, or no rule applies,
the line stays as it is (and the test that no line of the bundled pack's module is
longer than WIDTH says so).
"""

from __future__ import annotations

import ast
import io
import textwrap
import tokenize

WIDTH = 100
STEP = "    "
CLOSERS = {"(": ")", "[": "]", "{": "}"}


def wrapped(line: str, width: int = WIDTH) -> list[str]:
    """`line` as lines of at most `width` characters, meaning the same."""
    if len(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    text = line.strip()
    if text.startswith("#"):
        return _comment(indent, text[1:].strip(), width)
    if text.startswith('"""') and text.endswith('"""') and len(text) > 6 and '"""' not in text[3:-3]:
        return _docstring(indent, text[3:-3], width)
    tokens = _tokens(text)
    if tokens is None:
        return [line]
    if tokens and tokens[-1].type == tokenize.COMMENT:
        comment = tokens[-1]
        code = text[: comment.start[1]].rstrip()
        return _comment(indent, comment.string[1:].strip(), width) + wrapped(indent + code, width)
    best, over = [line], 1
    for strategy in (_commas, _bracket, _words, _string, _colon):
        pieces = strategy(indent, text, tokens, width)
        if pieces is None or not _same(text, "\n".join(piece[len(indent):] for piece in pieces)):
            continue
        too_long = sum(len(piece) > width for piece in pieces)
        if too_long < over:
            best, over = pieces, too_long
        if not too_long:
            break
    return best


def _comment(indent: str, text: str, width: int) -> list[str]:
    room = max(width - len(indent) - 2, 20)
    return [f"{indent}# {piece}" for piece in textwrap.wrap(text, room, break_long_words=False,
                                                           break_on_hyphens=False)] or [f"{indent}#"]


def _docstring(indent: str, text: str, width: int) -> list[str]:
    """A docstring filled to the width; a piece never ends in a lone backslash, since
    the generator escapes every backslash of a docstring (they come in pairs)."""
    room = max(width - len(indent), 20)
    pieces = textwrap.wrap(text, room - 3, break_long_words=False, break_on_hyphens=False)
    return [f'{indent}"""{pieces[0]}', *(indent + piece for piece in pieces[1:]), f'{indent}"""']


def _tokens(text: str) -> list[tokenize.TokenInfo] | None:
    """The tokens of one line of code (no NEWLINE, ENDMARKER...), or None if it is not one."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text + "\n").readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    kept = [t for t in tokens if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER,
                                                 tokenize.INDENT, tokenize.DEDENT)]
    if any(t.start[0] != 1 or t.end[0] != 1 for t in kept):
        return None
    return kept


def _commas(indent: str, text: str, tokens, width: int) -> list[str] | None:
    """Entries of a display written on one line (`'rule': r, 'row': 1,`): one a line."""
    commas = _top_level(tokens, lambda t: t.string == ",")
    if not commas:
        return None
    cuts = [0, *(t.end[1] for t in commas), len(text)]
    parts = [text[a:b].strip() for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    if len(parts) < 2:
        return None
    return [line for part in parts for line in wrapped(indent + part, width)]


def _bracket(indent: str, text: str, tokens, width: int) -> list[str] | None:
    """`head(` / an element a line / `)tail` for the bracket that holds the line's long part."""
    bracket = _last_bracket(tokens)
    if bracket is None:
        return None
    open_, close = bracket
    start, end = tokens[open_].end[1], tokens[close].start[1]
    commas = _top_level(tokens[open_ + 1:close], lambda t: t.string == ",")
    cuts = [start, *(t.start[1] for t in commas), end]
    elements = [text[a:b].strip().lstrip(",").strip() for a, b in zip(cuts, cuts[1:])]
    elements = [e for e in elements if e]
    if not elements:
        return None
    trailing = len(elements) > 1 or bool(commas)
    lines = [indent + text[:start]]
    for position, element in enumerate(elements):
        comma = "," if trailing or position < len(elements) - 1 else ""
        lines += wrapped(indent + STEP + element + comma, width)
    return lines + [indent + text[end:]]


def _words(indent: str, text: str, tokens, width: int) -> list[str] | None:
    """A condition an `and`/`or` a line: in parentheses after `if`, `elif`, `while`,
    `return`; as it is inside brackets (a line that continues an expression)."""
    words = _top_level(tokens, lambda t: t.type == tokenize.NAME and t.string in ("and", "or"))
    if not words:
        return None
    head = tokens[0].string
    if head in ("if", "elif", "while", "return"):
        start = tokens[1].start[1]
        end = len(text) - 1 if text.endswith(":") else len(text)
        cuts = [start, *(t.start[1] for t in words), end]
        lines = [f"{indent}{text[:start]}("]
        for a, b in zip(cuts, cuts[1:]):
            lines += wrapped(indent + STEP + text[a:b].strip(), width)
        return lines + [f"{indent}){text[end:]}"]
    cuts = [0, *(t.start[1] for t in words if t.start[1] > 0), len(text)]
    if len(cuts) < 3:
        return None
    return [line for a, b in zip(cuts, cuts[1:]) for line in wrapped(indent + text[a:b].strip(), width)]


def _string(indent: str, text: str, tokens, width: int) -> list[str] | None:
    """The line's one long string as adjacent strings in parentheses, a line each."""
    strings = [t for t in tokens if t.type == tokenize.STRING and len(t.string) > 20]
    if len(strings) != 1:
        return None
    token = strings[0]
    before, after = text[:token.start[1]], text[token.end[1]:]
    room = width - len(indent) - len(STEP)
    lines = [f"{indent}{before}("]
    lines += [indent + STEP + piece for piece in _split_string(token.string, room)]
    return lines + [f"{indent}){after}"]


def _colon(indent: str, text: str, tokens, width: int) -> list[str] | None:
    """A dict entry whose value is long: the key, and the value on the next line."""
    colons = _top_level(tokens, lambda t: t.string == ":")
    if len(colons) != 1 or text.endswith(":"):
        return None
    at = colons[0].end[1]
    return [indent + text[:at], *wrapped(indent + STEP + text[at:].strip(), width)]


def _last_bracket(tokens) -> tuple[int, int] | None:
    """The opening and closing token of the first top-level bracket after which no other
    top-level bracket opens: the one that holds the line's long part."""
    depth, opened, found = 0, None, None
    for position, token in enumerate(tokens):
        if token.type != tokenize.OP:
            continue
        if token.string in CLOSERS:
            if depth == 0:
                opened = position
            depth += 1
        elif token.string in CLOSERS.values():
            depth -= 1
            if depth == 0 and opened is not None:
                found = (opened, position)
                if not any(t.type == tokenize.OP and t.string in CLOSERS for t in tokens[position + 1:]):
                    return found
                found = None
    return found


def _top_level(tokens, wanted) -> list:
    depth, found = 0, []
    for token in tokens:
        if token.type == tokenize.OP and token.string in CLOSERS:
            depth += 1
        elif token.type == tokenize.OP and token.string in CLOSERS.values():
            depth -= 1
        elif depth == 0 and wanted(token):
            found.append(token)
    return found


def _split_string(token: str, room: int) -> list[str]:
    """A string literal as adjacent literals of at most `room` characters, cut between
    characters, after a space where one is near, never inside an escape or a field."""
    quote_at = next(i for i, c in enumerate(token) if c in "'\"")
    prefix, quote = token[:quote_at], token[quote_at]
    if token[quote_at:quote_at + 3] in ("'''", '"""'):
        return [token]
    body = token[quote_at + 1:-1]
    formatted = "f" in prefix.lower()
    cuts, position, depth = [], 0, 0  # cuts: positions in body where a piece may end
    while position < len(body):
        c = body[position]
        if c == "\\":
            named = body[position + 1:position + 2] == "N"  # \N{NAME}
            position = body.index("}", position) + 1 if named else position + 2
            if depth == 0:
                cuts.append(position)
            continue
        if formatted and c in "{}" and body[position + 1:position + 2] == c and depth == 0:
            position += 2
            cuts.append(position)
            continue
        if formatted and c == "{":
            depth += 1
        elif formatted and c == "}":
            depth -= 1
        position += 1
        if depth == 0:
            cuts.append(position)
    room = max(room - len(prefix) - 2, 10)
    pieces, start = [], 0
    while len(body) - start > room:
        fitting = [cut for cut in cuts if start < cut <= start + room]
        if not fitting:
            later = [cut for cut in cuts if cut > start]
            if not later:
                break
            fitting = [later[0]]
        spaced = [cut for cut in fitting if body[cut - 1] == " " and cut - start > room // 2]
        cut = (spaced or fitting)[-1]
        pieces.append(body[start:cut])
        start = cut
    pieces.append(body[start:])
    return [f"{prefix}{quote}{piece}{quote}" for piece in pieces if piece or len(pieces) == 1]


def _same(line: str, broken: str) -> bool:
    """Whether the broken text parses as the line does in one of the contexts a line
    of the module may stand in: a statement; a block header with a body; an `elif`; a
    dict entry; a line continuing an expression or arguments."""
    contexts = (lambda s: s, lambda s: s + "\n    pass", lambda s: "if _x:\n    pass\n" + s + "\n    pass",
                lambda s: "{\n" + s + "\n}", lambda s: "(\n" + s + "\n)", lambda s: "(_x\n" + s + "\n)",
                lambda s: "_f(\n" + s + "\n)")
    for make in contexts:
        try:
            want = ast.dump(ast.parse(make(line)))
        except SyntaxError:
            continue
        try:
            if ast.dump(ast.parse(make(broken))) == want:
                return True
        except SyntaxError:
            continue
    return False
