"""Written by hand from the Plymouth BME Code of Practice draft as consulted on
(shared/seeds/003_5c4ecf7e5c4628fe.txt): one entry per numbered paragraph of sections 2-4, the
draft's undertakings. Section 1 (introduction, the BME-led definition) gives no undertakings.

Maps section ref -> (party the section's heading names, [opening words of each paragraph…]) in
source order. The source numbers two paragraphs "4.7"; both are listed.
"""

EXPECTED = {
    # "2. Joint Undertakings - LSP partners from the Public, Private and Third sectors will:-"
    "2": (
        "joint",
        [
            "Support each other to meet the specific undertakings",
            "Provide and attend race relations and cultural awareness training",
            "Recognise and support the independence of the BME led Third Sector",
            "Ensure appropriate aspects of this Code of Practice are built into other relevant strategies",
            "Undertake Equality Impact Assessments during the development",
            "Monitor the impact of BME related aspects",
            "Maintain effective arrangements to elect BME representation",
            "Give careful consideration to selection of individuals",
        ],
    ),
    # "3. Public Sector Undertakings - Public sector organisations will:-"
    "3": (
        "public",
        [
            "Raise awareness and understanding about the BME led Third Sector, amongst their organisations",
            "Create opportunities to raise awareness and provide experience",
            "Maintain strategic links, communications, infrastructure",
            "Ensure commissioning from / funding of the Third Sector",
            "Share information in an open and transparent way",
            "Provide translation / interpretation",
            "Ensure that processes are open and accountable",
            "Ensure appropriate aspects of this Code of Practice are built into Race / Integrated Equality Schemes",
        ],
    ),
    # "4. Third Sector Undertakings The Third sector will:-"
    "4": (
        "voluntary",
        [
            "Raise awareness and understanding about the BME led Third Sector, within their organisations and partners",
            "Recognise the responsibilities and constraints the Public Sector",
            "Recognise the organisation / partnership delivering the Third Sector Infrastructure contract",
            "Ensure needs of BME led Third Sector front line organisations",
            "Ensure elected and appointed community representatives",
            "Ensure the BME led Third Sector actively engages with partners",
            "Encourage co-operation and joint working amongst the diverse groups",
            "Respond to the needs of service users",  # the second paragraph numbered 4.7
            "Adopt appropriate quality standards",
            "Ensure volunteering opportunities encourage and support volunteering",
            "Ensure BME led Third Sector groups play a full and active part",
        ],
    ),
}
