"""Allow `python -m pcsc_procure`."""

from pcsc_procure.cli import main

if __name__ == "__main__":
    main()
