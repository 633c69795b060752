"""Who's who in a Compact: organisations, their people, their boards, and the Compact itself.

The Compact, its signatories and its steering group live here rather than in `undertakings` so that
every app (including this one) can ask "is this person on the steering group?" without an import
pointing the wrong way (docs/architecture.md).

| module | holds |
|---|---|
| `reference_data` | ONS ethnic groups, service areas, local authority areas |
| `organisation` | organisations and public bodies, and the directory's QuerySet (Compact, BME-led status) |
| `membership` | people's requests to join and places in an organisation |
| `board_declarations` | the counts of a board on a date |
| `compact` | the Compact, its signatories and its steering group |
"""

# Each Compact's BME-led definition lives in its own module (loaded from YAML beside the Code).
from ..bme_definitions import BmeDefinition
from .board_declarations import BoardDeclaration, BoardType
from .compact import Compact, Signatory, SteeringGroupMember
from .membership import Membership, MembershipRole, MembershipStatus
from .organisation import LegalForm, Organisation, OrganisationQuerySet, PublicBodyType, Sector
from .reference_data import (
    AREA_NOT_RECORDED,
    WHITE_BRITISH_CODE,
    EthnicGroup,
    EthnicGroupQuerySet,
    LocalAuthorityArea,
    ServiceArea,
)

__all__ = [
    "AREA_NOT_RECORDED",
    "WHITE_BRITISH_CODE",
    "BmeDefinition",
    "BoardDeclaration",
    "BoardType",
    "Compact",
    "EthnicGroup",
    "EthnicGroupQuerySet",
    "LegalForm",
    "LocalAuthorityArea",
    "Membership",
    "MembershipRole",
    "MembershipStatus",
    "Organisation",
    "OrganisationQuerySet",
    "PublicBodyType",
    "Sector",
    "ServiceArea",
    "Signatory",
    "SteeringGroupMember",
]
