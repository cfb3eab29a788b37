"""`hitlai-schema stop`: stop the embedded PostgreSQL that `upgrade` left running."""

import argparse
from pathlib import Path

from hitlai_schema.runtime.embedded import embedded_data_directory, stop_embedded_server

HELP = "stop the embedded PostgreSQL that upgrade left running in ./.pgdata (HITLAI_PGDATA)"


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:  # noqa: ARG001 (every command takes its arguments)
    print(stop_embedded_server(embedded_data_directory(Path.cwd() / ".pgdata")))
    return 0
