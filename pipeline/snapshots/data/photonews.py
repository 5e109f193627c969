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
]
