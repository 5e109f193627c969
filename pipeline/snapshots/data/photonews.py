"""Articles of the ``photonews`` snapshot site. The project's own writing:
names of private people and their quotes are invented."""

from datetime import datetime

from ..base import PKT, ArticleRecord

_X_OUTAGE_DAY4 = """
Users across Pakistan were unable to load X for a fourth straight day on Wednesday, and the government has yet to say who ordered the disruption or for how long it will last.

The platform stopped working for most users late on Saturday night, hours after a former Rawalpindi commissioner publicly alleged that results of the February 8 general election had been manipulated in his division. Since then the service has flickered back for short periods on some networks before dropping out again.

[img /wp-content/uploads/2024/02/x-outage-day-four.jpg | A user in Lahore tries to refresh X on a mobile phone on Wednesday. Photo: PhotoNews]

Internet monitor NetBlocks said its measurements showed X restricted on multiple fixed-line and mobile operators, with only brief windows of access. "This is now one of the longest platform-specific restrictions we have recorded in Pakistan," a NetBlocks researcher said in a post on Tuesday.

Complaints came from Karachi, Lahore, Islamabad, Peshawar and Quetta, where users reported that the app would open but the timeline would not refresh. Many switched to VPN applications, and several VPN providers said downloads from Pakistan had jumped since the weekend.

The Pakistan Telecommunication Authority did not respond to repeated requests for comment. An official at the Ministry of Information Technology, speaking on condition of anonymity, said the ministry had "no instructions to share at this stage".

## Statement issued by the Prime Minister's Office

[tweet The people of Pakistan have voted and their mandate will be respected. Attempts to spread chaos through organised disinformation will not be allowed to succeed. | — Prime Minister's Office (@PakPMO) February 20, 2024]

Digital rights campaigner Farieha Aziz of Bolo Bhi said the silence was itself a problem. "If there is a legal basis for this block, the public deserves to see it. Blocking a platform used by millions without a single written order is not governance," she said.

The Pakistan Federal Union of Journalists (PFUJ) said reporters were unable to share updates from the ground and demanded that the service be restored immediately. The Internet Service Providers Association of Pakistan (ISPAK) said member companies were receiving thousands of complaints from customers who blamed them for the outage.

Analysts said the block was likely to deepen the sense of grievance among supporters of parties that have alleged rigging. "Every day this continues, it becomes a bigger story than the allegation that triggered it," said Lahore-based political analyst Imran Qadir.

By Wednesday evening there was still no word on when normal service would resume.
"""

ARTICLES = [
    ArticleRecord(
        slug="x-outage-enters-fourth-day-as-government-stays-silent",
        title="X Outage Enters Fourth Day as Government Stays Silent",
        authors=("Web Desk",),
        published=datetime(2024, 2, 21, 16, 42, tzinfo=PKT),
        modified=datetime(2024, 2, 21, 18, 5, tzinfo=PKT),
        category="Pakistan", tags=("Featured", "Pakistan", "X"),
        date_style="jsonld", post_id=48112,
        lead_image=("/wp-content/uploads/2024/02/x-outage-header.jpg",
                    "Fourth day without X for most users. Photo: PhotoNews"),
        body=_X_OUTAGE_DAY4,
    ),
    # the same story in the seed's second layout: the date only as byline text
    ArticleRecord(
        slug="x-outage-enters-fourth-day-as-government-stays-silent-2",
        title="X Outage Enters Fourth Day as Government Stays Silent",
        authors=("Web Desk",),
        published=datetime(2024, 2, 21, 16, 42, tzinfo=PKT),
        category="Pakistan", tags=("Featured", "Pakistan"),
        date_style="byline", post_id=48113,
        lead_image=("/wp-content/uploads/2024/02/x-outage-header.jpg",
                    "Fourth day without X for most users. Photo: PhotoNews"),
        body=_X_OUTAGE_DAY4,
    ),
    ArticleRecord(
        slug="mobile-internet-suspended-on-election-day",
        title="Mobile Internet Suspended Nationwide on Election Day",
        authors=("Staff Reporter",),
        published=datetime(2024, 2, 8, 9, 15, tzinfo=PKT),
        modified=datetime(2024, 2, 8, 13, 40, tzinfo=PKT),
        category="Pakistan", tags=("Elections 2024", "Internet Shutdown"),
        date_style="time", post_id=47790,
        body="""
Mobile phone and data services were suspended across Pakistan on Thursday morning as voters queued outside polling stations for the general election, leaving millions unable to call, message or use ride-hailing and banking apps.

The Ministry of Interior said the suspension was a security measure after two bomb blasts near election offices in Balochistan on Wednesday killed more than two dozen people. "Precious lives have been lost, and maintaining law and order is essential to deal with possible threats," a ministry spokesperson said in a statement.

Users in Karachi, Lahore, Islamabad, Rawalpindi, Peshawar and Quetta reported no mobile signal for data from around 8am. Fixed-line broadband appeared to work in most cities, according to NetBlocks, which said live metrics showed a sharp fall in national connectivity.

[img /wp-content/uploads/2024/02/polling-station-queue.jpg | Voters wait outside a polling station in Rawalpindi. Photo: PhotoNews]

Election observers said the shutdown made it harder for polling agents to report problems and for candidates to receive results from their teams. The Free and Fair Election Network said its observers were relying on landlines and pre-arranged meeting points.

Presiding officer Shazia Baloch, on duty at a girls' school in Hyderabad, said staff had printed copies of voter lists in advance. "We knew something like this might happen, so we kept paper copies of everything," she said.

Journalists in Gilgit and Muzaffarabad said they were filing stories through hotel Wi-Fi and office connections. The Pakistan Federal Union of Journalists called the suspension "an attack on the public's right to know on the most important day of the democratic calendar".

The Pakistan Telecommunication Authority said services would be restored once the interior ministry gave clearance. Partial restoration was reported in some areas late on Thursday night.
""",
    ),
    ArticleRecord(
        slug="karachi-freelancers-count-losses-after-week-of-slow-internet",
        title="Karachi Freelancers Count Losses After a Week of Slow Internet",
        authors=("Sana Mirza",),
        published=datetime(2024, 8, 19, 11, 20, tzinfo=PKT),
        category="Sindh", tags=("Freelancing", "Firewall", "Internet"),
        date_style="jsonld", post_id=51203,
        encoding="cp1252",
        body="""
Freelancers in Karachi say they have lost clients and income after a week of crawling internet speeds that industry bodies have linked to the testing of a national “web management system”.

Ayesha Qureshi, a graphic designer in Gulshan-e-Iqbal who works for clients in Europe, said files that used to upload in minutes now take hours. “I missed two deadlines this week. One client has already moved the project to someone in another country,” she said.

At a co-working space near Shahrah-e-Faisal, a café-style room that is usually packed with coders, half the desks were empty on Monday. The manager said many regulars had gone back to working from home on mobile hotspots because the fibre link was no better.

The Pakistan Software Houses Association (P@SHA) has warned that the slowdown could cost the economy as much as $300 million, and that foreign firms were questioning whether Pakistani teams could be relied on. WhatsApp users also reported that voice notes, photos and videos were failing to download.

The Pakistan Telecommunication Authority said in a statement that it was not responsible for the slowdown and blamed faults in submarine cables. Officials have separately said the government is upgrading its web monitoring to improve cyber security.

Internet Service Providers Association of Pakistan (ISPAK) chairman Shahzad Arshad told reporters that speeds had fallen by up to 40 percent. “Our members have not changed anything on their networks. The problem is upstream,” he said.

Freelancers said they wanted a clear answer. “Tell us what is happening and for how long, so we can plan,” said Bilal Memon, a web developer in Clifton. “Right now we are just guessing.”
""",
    ),
    ArticleRecord(
        slug="whatsapp-disrupted-in-islamabad-as-protesters-reach-d-chowk",
        title="WhatsApp Disrupted in Islamabad as Protesters Reach D-Chowk",
        authors=("Web Desk",),
        published=datetime(2024, 11, 26, 15, 30, tzinfo=PKT),
        category="Pakistan", tags=("Protests", "WhatsApp", "Internet Shutdown"),
        date_style="time", post_id=53360,
        body="""
WhatsApp users in Islamabad and Rawalpindi said on Tuesday that they could not send pictures or voice notes for a third day, as thousands of protesters made their way towards D-Chowk despite barricades across the capital.

Mobile data has been suspended in parts of the twin cities since Sunday. On Tuesday, users on home broadband also reported that WhatsApp media would not download, while text messages went through after long delays.

[img /wp-content/uploads/2024/11/blue-area-containers.jpg | Shipping containers block a road in Blue Area, Islamabad. Photo: PhotoNews]

Hospital staff in Islamabad said the disruption made it difficult to coordinate ambulances. "We use WhatsApp groups to tell each other which roads are open. Today we are calling one person at a time," said Dr Sadia Anwar, who works at a government hospital in the city.

NetBlocks said its data showed WhatsApp backend servers restricted on several providers in Pakistan. The Pakistan Telecommunication Authority said it was following instructions from the interior ministry and that services in the rest of the country were normal.

Interior Minister Mohsin Naqvi told reporters that restrictions would be lifted "as soon as the situation allows". He said the government had information that protest organisers were using messaging apps to coordinate violence.

The PTI said the restrictions were meant to prevent its supporters from sharing videos of the police response. Rights groups called for a full restoration of services.

By late evening, residents of several sectors said mobile data was still unavailable.
""",
    ),
    ArticleRecord(
        slug="pti-online-jalsa-hit-by-another-social-media-outage",
        title="PTI Online Jalsa Hit by Another Social Media Outage",
        authors=("Hamid Ali", "Rabia Khan"),
        published=datetime(2024, 1, 20, 23, 45, tzinfo=PKT),
        category="Pakistan", tags=("PTI", "Internet", "Elections 2024"),
        date_style="jsonld", post_id=47205,
        body="""
Social media platforms were disrupted across Pakistan on Saturday night for the third time in five weeks, as the Pakistan Tehreek-e-Insaf (PTI) staged an online jalsa in place of the public rallies it says it has been denied.

Users in Lahore, Karachi, Rawalpindi and Multan said YouTube streams buffered endlessly and X would not refresh from around 9pm, when the event was due to begin. Facebook and Instagram were also affected on some networks.

Internet observatory NetBlocks said the disruption was consistent with the pattern recorded on December 17 and January 7, when the party held similar online events. It said the restrictions appeared to be applied nationally.

PTI information secretary Raoof Hasan accused the caretaker government of trying to silence the party before the election. "Every time we go online, the internet goes down. Is that a coincidence three times in a row?" he asked in a video message.

The Pakistan Telecommunication Authority did not comment. On previous occasions, officials attributed the outages to technical problems.

Election observers said the repeated disruptions were a concern for the fairness of the campaign. Lawyer and rights activist Rida Hosain said the state had a duty to explain. "If there is a technical fault, publish the technical report. If there is an order, publish the order," she said.

Supporters who gathered to watch the jalsa at a party office in Multan said they switched to a VPN to follow the speeches.
""",
    ),
    ArticleRecord(
        slug="hyderabad-journalist-booked-under-peca-over-facebook-post",
        title="Hyderabad Journalist Booked Under PECA Over Facebook Post",
        authors=("Our Correspondent",),
        published=datetime(2024, 5, 21, 17, 10, tzinfo=PKT),
        category="Sindh", tags=("PECA", "Journalists", "FIA"),
        date_style="byline", post_id=49320,
        body="""
A journalist in Hyderabad has been booked under the Prevention of Electronic Crimes Act (PECA) over a Facebook post about alleged irregularities in the local water board, his colleagues said on Tuesday.

Imtiaz Laghari, who reports for a Sindhi-language newspaper, was named in a case registered by the Federal Investigation Agency (FIA) on a complaint from a water board official. The complaint accuses him of spreading "false and defamatory" information about the official.

Laghari said his post was based on documents he had obtained and that he had asked the official for comment before publishing. "I did my job. If they think I am wrong, they can reply, they can send a legal notice. Instead they want to put me in jail," he said.

The Hyderabad Press Club held a protest outside its office, where journalists carried placards calling for the case to be withdrawn. Press club president Ghulam Nabi Soomro said the law was being used to protect officials from scrutiny.

The Pakistan Federal Union of Journalists (PFUJ) said such cases had increased across Sindh and Punjab over the past year, and that most targeted reporters in smaller cities who lacked legal support.

An FIA official in Hyderabad said the case would be investigated on merit and that the journalist would be given an opportunity to present his side.

Laghari has applied for pre-arrest bail, which is expected to be heard by a sessions court later this week.
""",
    ),
    ArticleRecord(
        slug="mingora-hotel-owners-say-slow-internet-keeping-tourists-away",
        title="Mingora Hotel Owners Say Slow Internet Keeping Tourists Away",
        authors=("Staff Reporter",),
        published=datetime(2025, 6, 24, 12, 40, tzinfo=PKT),
        category="Khyber Pakhtunkhwa", tags=("Swat", "Tourism", "Internet"),
        date_style="jsonld", post_id=55810,
        body="""
Hotel owners in Mingora and other towns of Swat say unreliable mobile internet is costing them bookings at the start of the summer season, as visitors increasingly expect to work remotely during their holidays.

The owners said that mobile data had been patchy for weeks, with long periods when it was unavailable altogether in the upper valley. Several said guests had checked out early after failing to join online meetings.

"Families now come for a week and one person keeps working from the hotel. If they cannot connect, they leave," said Fazal Rabi, who manages a hotel on the road to Kalam.

The Swat Hotels Association said it had written to the district administration and telecom operators asking for better coverage and for advance notice of any suspensions. Its general secretary, Zahid Khan, said members had invested in fibre connections but that these did not reach many areas.

Telecom operators said parts of the valley were affected by damage to towers during last year's floods and by power outages that drained backup batteries. A spokesperson for one operator said new sites would be added before the peak season in July.

District officials said there were no security-related suspensions in place and that the problem was technical.

Tourism officials expect more than a million visitors in Swat over the summer, according to estimates by the provincial culture and tourism authority.
""",
    ),
    ArticleRecord(
        slug="punjab-launches-helpline-for-victims-of-online-blackmail",
        title="Punjab Launches Helpline for Victims of Online Blackmail",
        authors=("Web Desk",),
        published=datetime(2025, 9, 11, 13, 5, tzinfo=PKT),
        category="Punjab", tags=("Cybercrime", "Women", "Punjab"),
        date_style="time", post_id=57102,
        body="""
The Punjab government on Thursday launched a helpline for people being blackmailed with intimate images or private information online, saying the service would be staffed around the clock by trained women officers.

Officials said callers would be able to report cases anonymously and get help having content removed from platforms such as Facebook, Instagram and TikTok. Complaints involving crimes would be referred to the police with the caller's consent.

Speaking at the launch in Lahore, a provincial minister said most victims never came forward because they feared being blamed. "The shame belongs to the blackmailer, not to the person being blackmailed. We want every girl in Punjab to know that," she said.

The helpline will also accept complaints through WhatsApp, according to a notification issued by the home department.

Digital rights groups welcomed the service but said it must protect the privacy of callers. The Digital Rights Foundation, which has run its own cyber harassment helpline since 2016, said it handled thousands of similar complaints every year and that many involved former partners or relatives.

Lawyer Maliha Zia said survivors also needed quicker action from the Federal Investigation Agency's cybercrime wing, which is responsible for investigating such cases under the law. "A helpline is a door. What matters is what happens after someone walks through it," she said.

The helpline number will be advertised on television and in colleges across the province.
""",
    ),
    ArticleRecord(
        slug="ihc-gives-government-last-chance-to-justify-x-ban",
        title="IHC Gives Government Last Chance to Justify X Ban",
        authors=("Our Correspondent",),
        published=datetime(2024, 3, 20, 14, 15, tzinfo=PKT),
        category="Pakistan", tags=("X", "Islamabad High Court"),
        date_style="jsonld", post_id=48620,
        body="""
The Islamabad High Court on Wednesday gave the federal government a final opportunity to explain why X remains blocked in Pakistan, warning that it would decide the matter on the available record if no reply was filed.

The court was hearing a petition against the suspension of the social media platform, which has been inaccessible in most of the country since February 17. The Pakistan Telecommunication Authority's counsel told the court that the authority had received instructions to block the platform but could not disclose them without permission.

"This court cannot decide on the basis of letters it is not allowed to read," the bench remarked, directing the interior ministry to place its instructions on record in a sealed envelope if necessary.

The petitioner's lawyer argued that the block had affected students, businesses and journalists, and that the government had never issued a public order. He said access to information was a fundamental right and could not be restricted without a law and a reason.

Outside the court, journalist Asad Toor said the case was about more than one platform. "If they can switch off X without telling anyone, they can switch off anything," he said.

The hearing was adjourned for two weeks.
""",
    ),
    ArticleRecord(
        slug="mobile-data-suspended-across-balochistan-after-wave-of-attacks",
        title="Mobile Data Suspended Across Balochistan After Wave of Attacks",
        authors=("Reuters",),
        published=datetime(2025, 3, 13, 10, 50, tzinfo=PKT),
        category="Balochistan", tags=("Balochistan", "Internet Shutdown"),
        date_style="jsonld", post_id=54918,
        body="""
Authorities suspended mobile internet services across most of Balochistan on Thursday after a series of militant attacks in the province, officials said, leaving millions of people without data on their phones.

A notification from the provincial home department said the suspension would remain in place until further orders and applied to all districts except parts of Quetta cantonment. Fixed-line broadband services were not included in the order.

Residents of Quetta, Turbat and Khuzdar said they were unable to use banking apps, ride-hailing services or online classes. "My brother is in Karachi and my mother is in hospital. We cannot even send each other a photo of the prescription," said a shopkeeper in Quetta who asked not to be named.

Provincial government spokesperson Shahid Rind said the step was necessary to disrupt communication between militants. "We know it causes difficulties for the public, and we will review it every day," he said.

Human rights groups said repeated and prolonged suspensions in Balochistan were deepening the province's isolation. A researcher at the Human Rights Commission of Pakistan said students from the province were falling behind their peers because of frequent outages.

Telecom operators said they were complying with the order and had informed customers through text messages.

Balochistan has faced some of the longest internet suspensions in the country, including a shutdown in several districts that lasted more than a year.
""",
    ),
    ArticleRecord(
        slug="brand-partner-showcase-fibre-plans",
        path="/sponsored/brand-partner-showcase-fibre-plans/",
        title="Brand Partner Showcase: New Fibre Plans for Home Workers",
        authors=("Partner Content",),
        published=datetime(2024, 9, 2, 10, 0, tzinfo=PKT),
        category="Technology", tags=("Sponsored",),
        date_style="jsonld", post_id=51990,
        body="""
This sponsored post describes a fibre internet package marketed to people who work from home in Lahore and Islamabad.

The advertiser says the plans include a static IP address, weekend support and a free router for customers who sign up for a year.

Prices and availability vary by neighbourhood, and readers should check the terms with the provider before subscribing.
""",
    ),
    ArticleRecord(
        slug="video-protesters-gather-outside-karachi-press-club",
        title="Video: Protesters Gather Outside Karachi Press Club",
        authors=("Web Desk",),
        published=datetime(2024, 11, 26, 19, 10, tzinfo=PKT),
        category="Videos", tags=("Videos",),
        date_style="time", post_id=53377, kind="video",
        video="https://www.youtube.com/embed/snapshotvid01",
        body="Watch: scenes from Tuesday evening's gathering.",
    ),
    # issue 13: a history of disruptions (benchmarks/gold/disruptions/history.json)
    ArticleRecord(
        slug="mobile-service-suspended-in-karachi-as-9th-muharram-processions-get-under-way",
        title="Mobile Service Suspended in Karachi as 9th Muharram Processions Get Under Way",
        authors=("Web Desk",),
        published=datetime(2023, 7, 28, 13, 15, tzinfo=PKT),
        category="Sindh", tags=("Muharram", "Karachi", "Internet Shutdown"),
        date_style="time", post_id=44120,
        body="""
Mobile phone service was suspended in large parts of central Karachi on Friday morning as mourners gathered for the main 9th Muharram procession at Nishtar Park.

Residents of Saddar, Garden and Soldier Bazaar said their phones showed no signal from around 7am. Neither calls nor mobile data were working, they said, while home broadband connections were unaffected.

[img /wp-content/uploads/2023/07/nishtar-park-procession.jpg | Mourners gather at Nishtar Park on Friday morning. Photo: PhotoNews]

The suspension was ordered by the Sindh home department on the request of law enforcement agencies, which cited threats to processions in the city. Similar suspensions were reported around procession routes in Hyderabad and Sukkur.

Ride-hailing drivers said they were turning down trips to the city centre. "The app stops working as soon as I enter Saddar, so I cannot find the customer or end the ride," said Imran Ali, a driver from Korangi.

Volunteers of the scouts and the procession organising committee were using walkie-talkies to coordinate the movement of mourners. A spokesperson for the organisers said arrangements had been made with the police in advance and that the procession was proceeding peacefully.

Hospitals near the route said they had kept extra staff on duty and that landlines were available for emergencies.

The service is expected to remain suspended on Saturday, when the Ashura procession will be taken out along the same route.
""",
    ),
    ArticleRecord(
        slug="bigo-live-blocked-after-lahore-high-court-order",
        title="PTA Blocks Bigo Live After Lahore High Court Order",
        authors=("Web Desk",),
        published=datetime(2023, 9, 20, 17, 40, tzinfo=PKT),
        category="Pakistan", tags=("PTA", "Apps", "Lahore High Court"),
        date_style="byline", post_id=45120,
        body="""
The Pakistan Telecommunication Authority on Wednesday blocked the live-streaming app Bigo Live across the country, eight days after the Lahore High Court ordered it to act against what the court called immoral content on the platform.

In a statement, the PTA said the app had been blocked "in compliance with the orders of the honourable Lahore High Court" and that access would be reviewed if the company put in place effective moderation for users in Pakistan.

Users in Lahore, Karachi and Rawalpindi said the app stopped loading on mobile data and Wi-Fi on Wednesday afternoon, while some who had VPNs installed said they could still reach it.

Hosts who stream on the app said the decision had been taken without hearing them. "The court heard the petitioner and the PTA, but nobody asked the people who work on this app," said Kiran Shah, a streamer from Rawalpindi who said she had built an audience of 15,000 followers over three years.

Some hosts said they would move to other live-streaming apps, though they worried that the same thing could happen there. "We will start again somewhere else, and then we will wait for the next petition," Shah said.

The company said in an email that it was "studying the order" and remained committed to working with the authorities.

Digital rights groups said blocking an entire platform was disproportionate and urged the PTA to publish the list of content it had flagged to the company.
""",
    ),
    ArticleRecord(
        slug="pta-says-it-has-no-instructions-as-x-outage-enters-third-day",
        title="PTA Says It Has 'No Instructions' as X Outage Enters Third Day",
        authors=("Web Desk",),
        published=datetime(2024, 2, 19, 15, 5, tzinfo=PKT),
        category="Pakistan", tags=("X", "PTA", "Internet"),
        date_style="jsonld", post_id=47950,
        body="""
The Pakistan Telecommunication Authority said on Monday that it had not blocked X and had received no instructions to do so, even as users across the country reported that the platform remained inaccessible for a third day.

"The PTA has not issued any direction to operators regarding X. We are looking into the complaints," a spokesperson for the authority told PhotoNews, declining to say what might be causing the problem.

Users in Islamabad, Lahore, Karachi and Peshawar said X would load only through a VPN. Internet monitor NetBlocks said its data showed the platform restricted on the main mobile and fixed-line providers since late on Saturday.

[img /wp-content/uploads/2024/02/x-error-screen.jpg | An error message on X on a phone in Islamabad on Monday. Photo: PhotoNews]

The denial was met with scepticism by digital rights groups. "Either the regulator does not know what is happening on the networks it regulates, or it is not telling us. Neither is reassuring," said Kamran Aftab, a researcher at an Islamabad-based think tank.

Telecom industry officials, speaking on condition of anonymity, said operators had received directions to block the platform on Saturday night, but they declined to say who had issued them.

Businesses that use X for customer service said complaints had piled up over the weekend. "We moved our support to WhatsApp and Facebook, but customers are still tagging us on X and nobody can see it," said Nida Saleem, who manages social media for a Lahore clothing brand.

The outage has coincided with protests by several parties over the results of the February 8 general election.
""",
    ),
    ArticleRecord(
        slug="mobile-internet-restored-in-quetta-after-three-days",
        title="Mobile Internet Restored in Quetta After Three Days",
        authors=("Our Correspondent",),
        published=datetime(2024, 2, 20, 12, 25, tzinfo=PKT),
        category="Balochistan", tags=("Balochistan", "Quetta", "Internet Shutdown"),
        date_style="time", post_id=47990,
        body="""
Mobile internet services were restored in Quetta on Tuesday morning, three days after they were suspended when protesting parties blocked highways across Balochistan over the election results.

The Balochistan home department withdrew its order late on Monday after the alliance of parties agreed to end its sit-ins on the main highways following talks with the provincial caretaker government. Traffic on the Quetta-Karachi highway resumed on Monday evening.

Residents said mobile data was working normally on all networks by Tuesday morning. "For three days my children could not attend their online tuition classes. Today they are back," said Shazia Kakar, a mother of three in Satellite Town.

Traders in the city's main bazaars said they had lost business because customers could not make mobile payments and wholesalers could not place orders through messaging apps.

A provincial government spokesperson said the suspension had been needed to stop rumours from spreading while the highways were blocked. Rights activists in Quetta said residents of the province were used to such orders but that they were rarely explained.

The restoration in Quetta did not extend to X, which users across the country said was still blocked after going down on Saturday night. Users in Quetta said they could reach the platform only through a VPN.

The alliance said it would continue its protest through other means, including rallies outside the offices of returning officers.
""",
    ),
    ArticleRecord(
        slug="four-months-into-x-ban-small-businesses-count-the-cost",
        title="Four Months Into X Ban, Small Businesses Count the Cost",
        authors=("Sana Mirza",),
        published=datetime(2024, 6, 17, 11, 0, tzinfo=PKT),
        category="Pakistan", tags=("X", "Business", "Internet"),
        date_style="time", post_id=50610,
        body="""
Four months after X was blocked in Pakistan, small businesses that built their customer base on the platform say they have lost sales, and the government has yet to say when, or whether, access will return.

The platform has been inaccessible without a VPN since February 17, when it went down hours after a senior official in Rawalpindi alleged that votes in the general election had been manipulated. The interior ministry later told the Islamabad High Court that the block was imposed on the basis of intelligence reports.

Mariam Sheikh, who sells hand-embroidered shawls from her home in Multan, said orders from customers in the Gulf had dropped by half. "My buyers found me through posts on X. Now I post on Instagram and hope they follow me there," she said.

Marketing agencies in Lahore and Karachi said clients had cut their budgets for campaigns on the platform, while some brands had stopped updating their accounts altogether.

VPN use, meanwhile, has become routine. Several users said they kept a VPN running all day on their phones, which drained their batteries and slowed down other apps.

Digital rights groups said the block set a troubling precedent. "Nobody has seen an order, nobody has seen a time limit. If it can last four months, it can last four years," said Sidra Naeem, a digital rights researcher in Islamabad.

The PTA has said in court that it acted on instructions from the interior ministry. Petitions against the block are pending before the Islamabad, Lahore and Sindh high courts.

Officials at the IT ministry say privately that no decision on restoring access is expected soon.
""",
    ),
    ArticleRecord(
        slug="mobile-service-suspended-on-karachi-procession-routes-on-9th-muharram",
        title="Mobile Service Suspended on Karachi Procession Routes on 9th Muharram",
        authors=("Staff Reporter",),
        published=datetime(2024, 7, 16, 17, 45, tzinfo=PKT),
        category="Sindh", tags=("Muharram", "Karachi", "Internet Shutdown"),
        date_style="jsonld", post_id=50990,
        body="""
Mobile phone and data services were suspended along the main procession routes in Karachi on Tuesday as mourners marked the 9th of Muharram, while services in Punjab ran normally after the provincial government dropped its own plans for a suspension.

In Karachi, users in Saddar, Garden, Kharadar and along MA Jinnah Road said their phones lost signal from around 8am. The Sindh home department said the suspension covered only the procession routes and the areas around major imambargahs, and would be repeated on Wednesday for Ashura.

[img /wp-content/uploads/2024/07/ma-jinnah-road-procession.jpg | Mourners on MA Jinnah Road in Karachi on Tuesday. Photo: PhotoNews]

Services were also suspended in parts of Hyderabad, Sukkur and Khairpur, according to users and local journalists.

In Lahore, Rawalpindi and Multan, mobile internet worked throughout the day. Police in Lahore said safe city cameras were monitoring all routes and that the processions had passed off peacefully.

"We were told to expect no signal, so we printed our duty rosters. In the end nothing was switched off," said Waqas Haider, a volunteer with a procession organising committee in Rawalpindi.

In Karachi, shopkeepers near the route said the suspension had become a routine part of Muharram. "We close early and go home. What else can we do?" said Yousuf Memon, who runs a general store in Kharadar.

A petition challenging the suspensions in Sindh is pending before the Sindh High Court.
""",
    ),
]
