"""Files in: bytes from a path or an upload, decoded as UTF-8 text, and pieces of them quoted in messages."""
from pathlib import Path

from core.errors import DataError


def decode(data: bytes, name: str = "the file") -> str:
    """UTF-8 (with or without BOM), else a clear error; NUL bytes mean a binary file."""
    return decode_as(data, name, ("utf-8-sig",))[0]


def decode_as(data: bytes, name: str, encodings: tuple[str, ...], kind: str = "text") -> tuple[str, str]:
    """(text, the encoding that read it): the first of `encodings` that reads `data`, newlines as "\n"; a
    clear error when none does (UTF-8 is the one to save as) or for NUL bytes (a binary file, not `kind`)."""
    if b"\x00" in data[:8192]:
        raise DataError(f"{name} looks like a binary file, not {kind}")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError as e:
            error = e
    else:
        raise DataError(f"{name} is not UTF-8 text (byte {error.start}): save it as UTF-8 and try again")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding.removesuffix("-sig")


def read_text(source: str | Path | bytes, name: str | None = None) -> str:
    """Plain UTF-8 text from a path or raw bytes."""
    return decode(read_bytes(source), name or name_of(source))


def shown(text: str, limit: int = 80) -> str:
    """A piece of a file quoted in a message: on one line, and cut to `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def read_bytes(source: str | Path | bytes) -> bytes:
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as e:
        raise DataError(f"cannot read {source}: {e.strerror}") from None


def name_of(source) -> str:
    return "the upload" if isinstance(source, bytes) else str(source)
