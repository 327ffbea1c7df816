"""The service's gunicorn settings without its worker hooks, for the bare-route floor."""

from pathlib import Path

_settings: dict = {}
exec((Path(__file__).resolve().parents[1] / "gunicorn.conf.py").read_text(), _settings)  # noqa: S102
globals().update({k: v for k, v in _settings.items() if not k.startswith("_") and not callable(v)})
