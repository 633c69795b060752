"""What the import says about a published grant: refusals (it cannot be used) and warnings (it is
imported as published, with the problem kept). Tests assert on these texts."""

# Refusals: the grant cannot be held.
MISSING_COLUMN = "The file has no “{title}” column, which the 360Giving standard requires."
MISSING_VALUE = "{title} is missing."
BAD_DATE = "{title} “{value}” is not a date: write dates as YYYY-MM-DD, for example 2024-04-01."
BAD_AMOUNT = "{title} “{value}” is not a number: write amounts without £ signs or commas, for example 1500.50."
NEGATIVE_AMOUNT = "{title} {value} is negative: an award must be more than 0."
ZERO_AMOUNT = "{title} is 0: an award must be more than 0."
UNKNOWN_CURRENCY = "Currency “{value}” is not an ISO 4217 currency code."
DUPLICATE_ID = "Identifier {value} is used more than once in the file (also {other})."
INDIVIDUAL = "This is a grant to an individual: the portal records grants to organisations only."
NO_RECIPIENT = "Recipient Org:Identifier and Recipient Org:Name are missing."
OTHER_FUNDER = "This grant is from {name} ({identifier}), not {funder}: import each funder's grants under that funder."
TOO_LONG = "{title} “{value}” is too long to be one."
NOT_AN_OBJECT = "This grant is not a JSON object."
# Warnings: the grant is imported as published, and the problem is kept with it.
ROUNDED = "{title} {value} has fractions of a penny: rounded to {rounded}."
BAD_PLANNED_DATE = "{title} “{value}” is not a date: it is kept as published but not used for the award's status."
END_BEFORE_START = "Planned Dates:End Date is before Planned Dates:Start Date: the end date is not used for the status."
TITLE_TOO_LONG = "Title is longer than {max} characters: lists show the first {max}."
MISSING_TEXT = "{title} is missing, which the 360Giving standard requires."
NOT_A_NUMBER_OF_KIND = (
    "{title} “{value}” is not a UK {kind} number: it is kept as published but not used to match the recipient."
)
NUMBER_DISAGREES = "{title} is {number}, but Recipient Org:Identifier {identifier} names {kind} {other}."
SCHEMA_PROBLEM = "{title}: {message}"
# Warnings found across the file (funding.services.imports adds them).
TWO_NUMBERS = "The recipient {identifier} is given two different {kind} numbers in the file: {numbers}."
NUMBER_SHARED = "The {kind} number {number} is also given to {others} in the file."
