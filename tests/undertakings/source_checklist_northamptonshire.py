"""Written by hand from the Northamptonshire BME Code (shared/seeds/000_3ca5ee68c241a46b.txt): one entry per numbered undertaking.

Maps section ref -> (party for the section, or "mixed" for in-practice sections,
whose party is decided per item) and the opening words of each bullet, in source order.
"""

EXPECTED = {
    # 3.1 Joint undertakings ("Both parties undertake to:")
    "3.1": (
        "joint",
        [
            "develop a partnership approach to carry forward",
            "work together in partnership with other agencies",  # continues after a page break
            "encourage, develop and support volunteering by",
            "make suitable mention of this Code",
        ],
    ),
    # 3.2 Statutory sector undertakings
    "3.2": (
        "public",
        [
            "value the work, knowledge and expertise",
            "recognise and support the independence of the",
            "operate effective and transparent equal opportunity",
            "build, as appropriate, consultation with the",
            "establish race equality strategies within the corporate",  # continues after a page break
            "ensure that BME voluntary and community organisations",
            "consider the case for setting aside",
            "ensure that statutory grants are appropriately administered",
            "endeavour to include consultation, partnership and",
            "include within the Best Value framework",
            "consider the views and encourage the active",
            "require all partnership bids to statutory",
        ],
    ),
    # 3.3 BME voluntary and community sector's undertakings
    "3.3": (
        "voluntary",
        [
            "play a full and active part",
            "work in partnership with Northamptonshire's statutory",
            "aim to establish a responsive regional structure",
            "facilitate consortium and partnership working among",
            "inform and present community concerns to",
            "ensure proper governance, placing clear responsibility",
            "adopt appropriate quality standards and apply",
            "make use of appropriate training opportunities",
            "develop open and dynamic organisations providing",  # lost its glyph after a blank line
        ],
    ),
    # 4.8 "This can be achieved if:"
    "4.8": (
        "mixed",
        [
            "clear performance management frameworks for achieving",
            "all public and voluntary and community",
            "there is committed and visible leadership",
            "all agencies ensure that complaints procedures",
        ],
    ),
    # 5.7 Improving engagement
    "5.7": (
        "mixed",
        [
            "where appropriate, review with the BME",
            "set up appropriate race equality advisory",
            "where appropriate, develop a network of",
            "aim to develop an equality protocol",
            "monitor the race equality practices of",
        ],
    ),
    # 6.4 list follows "Other specific action required includes regular review of:"
    "6.4": (
        "mixed",
        [
            "which BME communities are not receiving",
            "how access, approval and funding rates",
            "the scope provided for new or",
            "policy or service areas where funding",
        ],
    ),
    # 6.10 Funding and other support in practice
    "6.10": (
        "mixed",
        [
            "aim to establish an accessible database",
            "ensure that they have good quality",
            "use their influence to work with",
            "monitor and publish the proportion of",
            "recognise that the BME sector includes",
            "consult BME organisations on the design",
        ],
    ),
    # 7.7 Local relations and partnership in practice
    "7.7": (
        "mixed",
        [
            "involve BME organisations in developing Local",
            "provide more vigorous structures to ensure",
            "ensure that partnership programmes (Health Action",
            "aim to have a lead officer",
        ],
    ),
    # 8.9 A strategic approach
    "8.9": (
        "mixed",
        [
            "provide strategic funding support where appropriate",
            "develop the concept of joined-up funding",
            "where possible, support income generation and",  # lost its glyph after a blank line
        ],
    ),
    # 9.5 Adopting a practical approach to volunteering in the BME community
    "9.5": (
        "mixed",
        [
            "local statutory organisations recognise the contribution",
            "encourage mainstream volunteer bureaux to give",
        ],
    ),
}
