"""Readers: turn a file of any supported format into a `Document`."""

from pcsc_procure.document.model import Block, Document, Location
from pcsc_procure.document.reader import SUPPORTED_SUFFIXES, read_document, read_bytes

__all__ = ["Block", "Document", "Location", "SUPPORTED_SUFFIXES", "read_document", "read_bytes"]
