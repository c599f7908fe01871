"""Names of English local authorities with children's services, as Ofsted writes them."""

AUTHORITIES = """
Barking and Dagenham|Barnet|Barnsley|Bath and North East Somerset|Bedford|Bexley|Birmingham|Blackburn with Darwen|
Blackpool|Bolton|Bournemouth, Christchurch and Poole|Bracknell Forest|Bradford|Brent|Brighton and Hove|Bristol|
Bromley|Buckinghamshire|Bury|Calderdale|Cambridgeshire|Camden|Central Bedfordshire|Cheshire East|
Cheshire West and Chester|City of London|Cornwall|Coventry|Croydon|Cumberland|Cumbria|Darlington|Derby|Derbyshire|
Devon|Doncaster|Dorset|Dudley|Durham|Ealing|East Riding of Yorkshire|East Sussex|Enfield|Essex|Gateshead|
Gloucestershire|Greenwich|Hackney|Halton|Hammersmith and Fulham|Hampshire|Haringey|Harrow|Hartlepool|Havering|
Herefordshire|Hertfordshire|Hillingdon|Hounslow|Isle of Wight|Isles of Scilly|Islington|Kensington and Chelsea|Kent|
Kingston upon Hull|Kingston upon Thames|Kirklees|Knowsley|Lambeth|Lancashire|Leeds|Leicester|Leicestershire|
Lewisham|Lincolnshire|Liverpool|Luton|Manchester|Medway|Merton|Middlesbrough|Milton Keynes|Newcastle upon Tyne|
Newham|Norfolk|North East Lincolnshire|North Lincolnshire|North Northamptonshire|North Somerset|North Tyneside|
North Yorkshire|Northamptonshire|Northumberland|Nottingham|Nottinghamshire|Oldham|Oxfordshire|Peterborough|Plymouth|
Poole|Portsmouth|Reading|Redbridge|Redcar and Cleveland|Richmond upon Thames|Rochdale|Rotherham|Rutland|Salford|
Sandwell|Sefton|Sheffield|Shropshire|Slough|Solihull|Somerset|South Gloucestershire|South Tyneside|Southampton|
Southend-on-Sea|Southwark|St Helens|Staffordshire|Stockport|Stockton-on-Tees|Stoke-on-Trent|Suffolk|Sunderland|
Surrey|Sutton|Swindon|Tameside|Telford and Wrekin|Thurrock|Torbay|Tower Hamlets|Trafford|Wakefield|Walsall|
Waltham Forest|Wandsworth|Warrington|Warwickshire|West Berkshire|West Northamptonshire|West Sussex|Westminster|
Westmorland and Furness|Wigan|Wiltshire|Windsor and Maidenhead|Wirral|Wokingham|Wolverhampton|Worcestershire|York
"""

NAMES: tuple[str, ...] = tuple(n.strip() for n in AUTHORITIES.replace("\n", "").split("|") if n.strip())

# What people call a council for short -> the name Ofsted writes (the reports use the full names).
ALIASES: dict[str, str] = {
    "Hull": "Kingston upon Hull", "Newcastle": "Newcastle upon Tyne", "Stoke": "Stoke-on-Trent",
    "Southend": "Southend-on-Sea", "Brighton": "Brighton and Hove", "Telford": "Telford and Wrekin",
    "Stockton": "Stockton-on-Tees", "Blackburn": "Blackburn with Darwen", "Redcar": "Redcar and Cleveland",
    "Barking": "Barking and Dagenham", "Hammersmith": "Hammersmith and Fulham", "Kensington": "Kensington and Chelsea",
    "Windsor": "Windsor and Maidenhead", "Bath": "Bath and North East Somerset", "BCP": "Bournemouth, Christchurch and Poole",
    "Bournemouth": "Bournemouth, Christchurch and Poole", "Richmond": "Richmond upon Thames",
    "Kingston": "Kingston upon Thames", "County Durham": "Durham", "East Riding": "East Riding of Yorkshire",
    "Cheshire West": "Cheshire West and Chester",
}
