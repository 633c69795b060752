"""Clean the complaint files stored before uploads were cleaned (common.metadata), so that a
confidential complainant's older files stop naming them too. Run once after deploying, and safe to
run again: files already clean are left byte for byte as they are."""

from dataclasses import dataclass, field

from common.metadata import CannotClean, clean_file, holds_metadata

from ..models import ComplaintFile


@dataclass
class CleaningReport:
    cleaned: int = 0
    already_clean: int = 0
    missing: int = 0
    # Files that could not be opened to be cleaned (damaged, password protected): listed for a
    # person to decide on, never deleted here.
    cannot_clean: list[int] = field(default_factory=list)


def stored_complaint_files_clean() -> CleaningReport:
    report = CleaningReport()
    for file in ComplaintFile.objects.order_by("pk").iterator():
        storage, name = file.file.storage, file.file.name
        if not name or not storage.exists(name):
            report.missing += 1
            continue
        with storage.open(name, "rb") as handle:
            data = handle.read()
        if not holds_metadata(data, file.content_type):
            report.already_clean += 1
            continue
        try:
            cleaned = clean_file(data, file.content_type)
        except CannotClean:
            report.cannot_clean.append(file.pk)
            continue
        # Written over in place: the cleaned copy is the only one kept.
        with storage.open(name, "wb") as handle:
            handle.write(cleaned)
        ComplaintFile.objects.filter(pk=file.pk).update(size=len(cleaned))
        report.cleaned += 1
    return report
