from django.core.exceptions import PermissionDenied, ValidationError


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def add_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: against its field when it names one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
