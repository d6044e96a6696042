"""The health registry: which checks exist, of which kind, with which deadline."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from app.services.system.models import ComponentStatus

HealthCheck = Callable[[], Awaitable[ComponentStatus]] | Callable[[], ComponentStatus]
"""An async function returning a ComponentStatus; a plain function is accepted too."""


class CheckKind(StrEnum):
    """Components are infrastructure; services are business capabilities."""

    COMPONENT = "component"
    SERVICE = "service"


class HealthRegistrationError(ValueError):
    """A registration that cannot be honoured, such as a name used by both kinds."""


@dataclass(frozen=True, slots=True)
class RegisteredCheck:
    """One registered check and how to run it."""

    name: str
    kind: CheckKind
    check_fn: HealthCheck
    timeout: float | None = None


class HealthRegistry:
    """Holds the checks by name. Registering a name again replaces it (start-up may rerun)."""

    def __init__(self) -> None:
        self._checks: dict[str, RegisteredCheck] = {}

    def register(
        self,
        name: str,
        check_fn: HealthCheck,
        *,
        kind: CheckKind,
        timeout: float | None = None,
    ) -> None:
        """Add or replace a check; refuse a name already taken by the other kind."""
        if not name:
            raise HealthRegistrationError("A health check needs a non-empty name")
        if not callable(check_fn):
            raise HealthRegistrationError(f"Health check {name!r} is not callable: {check_fn!r}")
        if timeout is not None and timeout <= 0:
            raise HealthRegistrationError(
                f"Health check {name!r} needs a timeout greater than 0 (got {timeout})"
            )
        existing = self._checks.get(name)
        if existing is not None and existing.kind is not kind:
            raise HealthRegistrationError(
                f"{name!r} is already registered as a {existing.kind}; "
                f"a {kind} may not share its name"
            )
        self._checks[name] = RegisteredCheck(name, kind, check_fn, timeout)

    def unregister(self, name: str) -> None:
        """Remove a check if present."""
        self._checks.pop(name, None)

    def clear(self) -> None:
        """Forget every check (for tests)."""
        self._checks.clear()

    def checks(self) -> list[RegisteredCheck]:
        """The registered checks, in registration order."""
        return list(self._checks.values())

    def __contains__(self, name: object) -> bool:
        return name in self._checks

    def __len__(self) -> int:
        return len(self._checks)


registry = HealthRegistry()
"""The application's registry, filled at start-up by the registration hooks."""


def register_health_check(
    name: str, check_fn: HealthCheck, *, timeout: float | None = None
) -> None:
    """Register an infrastructure component's check (backend, database, worker ...)."""
    registry.register(name, check_fn, kind=CheckKind.COMPONENT, timeout=timeout)


def register_service_health_check(
    name: str, check_fn: HealthCheck, *, timeout: float | None = None
) -> None:
    """Register a business service's check (auth, payments ...)."""
    registry.register(name, check_fn, kind=CheckKind.SERVICE, timeout=timeout)
