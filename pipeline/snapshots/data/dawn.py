"""Stories of the ``dawn`` snapshot site. The project's own writing: private
people, officials' quotes and hearing details are invented."""

from datetime import datetime

from ..base import PKT, ArticleRecord

ARTICLES = [
    ArticleRecord(
        slug="social-media-platforms-down-during-pti-virtual-rally",
        title="Social media platforms down across country during PTI's virtual rally",
        authors=("Reuters",),
        published=datetime(2023, 12, 17, 23, 10, tzinfo=PKT),
        category="Pakistan", tags=("Internet", "PTI"),
        date_style="jsonld", post_id=1798301,
        body="""
Users across Pakistan reported on Sunday night that they could not access X, Facebook, Instagram and YouTube as the Pakistan Tehreek-e-Insaf (PTI) held what it described as the country's first virtual political rally.

Internet monitoring group NetBlocks said live metrics showed a nationwide disruption to the four platforms that began shortly before the online event was due to start at 9pm. Other websites and messaging services appeared to be working.

The PTI, whose founder Imran Khan is in jail, has been holding online events because it says it is being denied permission to hold public gatherings ahead of the February 8 election. The party said more than a million people had tuned in despite the outage.

"They can block platforms but they cannot block the people's voice," a PTI spokesperson, Raoof Hasan, said in a statement. Party supporters in Karachi, Lahore and Peshawar shared screenshots of error messages and urged others to use VPNs.

A spokesperson for the Pakistan Telecommunication Authority (PTA) said the regulator was looking into the cause of the disruption, which it described as a technical issue. The caretaker government did not comment.

Rights group Amnesty International said the outage was a worrying sign ahead of the vote. Its regional office said in a post that restrictions on access to information during election campaigns undermined the right to participate freely.

Services were restored for most users after midnight.
""",
    ),
    ArticleRecord(
        slug="x-remains-inaccessible-for-second-day",
        title="X remains inaccessible for second day as users turn to VPNs",
        authors=("Dawn.com",),
        published=datetime(2024, 2, 18, 14, 35, tzinfo=PKT),
        modified=datetime(2024, 2, 18, 19, 0, tzinfo=PKT),
        category="Pakistan", tags=("X", "Internet"),
        date_style="time", post_id=1815092,
        lead_image=("/images/2024/02/x-logo-phone.jpg", "The X logo on a mobile phone screen. — Reuters/File"),
        body="""
Social media platform X, formerly Twitter, remained inaccessible across large parts of Pakistan for a second consecutive day on Sunday, with users in major cities reporting that the app and website would not load without a VPN.

The disruption began late on Saturday, hours after former Rawalpindi commissioner Liaquat Ali Chattha held a press conference alleging that election results in his division had been altered. NetBlocks said it had detected restrictions on X on multiple internet providers.

Users in Lahore, Karachi, Islamabad, Multan and Hyderabad told Dawn.com that the timeline would show old posts but fail to refresh. Some reported brief periods of access before the service dropped again.

The PTA did not respond to queries on whether it had received instructions to block the platform. An official of the IT ministry said he was "not aware of any decision" but declined to comment further.

Digital rights activist Usama Khilji said the lack of any announcement made the situation worse. "People are being left to guess whether the problem is with their phone, their provider or the state," he said.

The Karachi Union of Journalists said reporters were unable to follow or share updates from returning officers' offices, where disputes over results were still being heard.

VPN apps climbed to the top of download charts in Pakistan on Sunday, according to app store rankings.
""",
    ),
    ArticleRecord(
        slug="sc-asks-pta-to-explain-election-day-mobile-shutdown",
        title="SC asks PTA to explain election-day mobile shutdown",
        authors=("Nasir Iqbal",),
        published=datetime(2024, 3, 19, 13, 20, tzinfo=PKT),
        category="Pakistan", tags=("Supreme Court", "Elections 2024", "Internet Shutdown"),
        date_style="jsonld", post_id=1822716,
        body="""
The Supreme Court on Tuesday asked the Pakistan Telecommunication Authority (PTA) and the interior ministry to explain on what legal basis mobile phone and data services were suspended across the country on February 8, the day of the general election.

A three-member bench was hearing a petition filed by a voter from Rawalpindi who argued that the shutdown had prevented citizens from locating their polling stations through the election commission's SMS service and had cut off polling agents from their parties.

"The people were told to use an SMS service to find where to vote, and then the phones were switched off. How is that reconciled?" one of the judges asked the additional attorney general.

The law officer said the decision was taken in view of terrorist threats after blasts in Pishin and Qila Saifullah on the eve of the election, and that the measure had been approved at the highest level. He said he would place the relevant record before the court.

Counsel for the petitioner, Hassan Nawaz Khan, argued that there was no law allowing a nationwide blanket shutdown. He cited an earlier ruling of the Islamabad High Court that held the government could only suspend services in specific areas for specific reasons.

The bench directed the PTA to submit the written instructions it received, along with the times at which services were suspended and restored in each province. It also sought the Election Commission of Pakistan's view.

The hearing was adjourned for three weeks.
""",
    ),
    ArticleRecord(
        slug="mobile-internet-suspended-in-ajk-amid-protests",
        title="Mobile internet suspended in AJK amid protests over power tariffs",
        authors=("Tariq Naqash",),
        published=datetime(2024, 5, 13, 20, 40, tzinfo=PKT),
        category="Pakistan", tags=("AJK", "Internet Shutdown", "Protests"),
        date_style="byline", post_id=1833420,
        body="""
Mobile internet services were suspended across Azad Jammu and Kashmir on Monday as protests over electricity tariffs and flour prices entered their fourth day, officials in Muzaffarabad said.

The region's home department said the suspension was ordered to prevent the spread of rumours after clashes between protesters and police in Muzaffarabad and Dadyal left several people injured. Fixed-line internet was working in some parts of the capital.

Traders' leaders associated with the Joint Awami Action Committee said the shutdown would not stop the movement. "Our people do not need Facebook to know their bills are unfair," committee member Shaukat Nawaz Mir told a rally near the Muzaffarabad secretariat.

Students in Muzaffarabad said they could not download study material for exams scheduled later in the week. "Our whole class group is on WhatsApp, and since this morning nobody can reach anyone," said Fatima Rathore, a university student.

Journalists based in the region said they were sending reports by driving to areas near the Kohala bridge where mobile signals from across the river were available. The Central Union of Journalists demanded that services be restored immediately.

The federal government later announced a subsidy package for the region, which the action committee said it would consider.

Officials did not say when mobile internet would return.
""",
    ),
    ArticleRecord(
        slug="gilgit-baltistan-internet-outage-landslide",
        title="Landslide cuts fibre link, leaving parts of Gilgit-Baltistan offline",
        authors=("Our Correspondent",),
        published=datetime(2024, 6, 27, 18, 5, tzinfo=PKT),
        category="Pakistan", tags=("Gilgit-Baltistan", "Internet"),
        date_style="jsonld", post_id=1842210,
        body="""
Internet and mobile data services were disrupted across Gilgit and Hunza on Thursday after a landslide on the Karakoram Highway damaged a fibre optic cable, officials said.

The Special Communications Organisation (SCO), which provides telecom services in the region, said teams had been dispatched to the site near Raikot but that repair work was being slowed by falling rocks. "We expect to restore the main link within 24 to 36 hours if the weather allows," an SCO spokesperson said.

Hotel owners in Hunza said the outage came at the peak of the tourist season. "Guests cannot pay online, they cannot book transport, and some have cut short their stay," said Karim Baig, who runs a guest house in Karimabad.

Residents of Gilgit complained that the region depended on a single route for its connectivity. Local journalist Shabbir Hussain said similar outages happened almost every summer. "Every year we are told the backup link is coming. Every year we are offline again," he said.

Banks in Gilgit city said ATMs and card payments were affected, and several branches moved to manual processing.

The Gilgit-Baltistan government said it had asked the federal IT ministry to expedite a second fibre route through the region.

Services were partially restored in Gilgit city by late evening, according to users.
""",
    ),
    ArticleRecord(
        slug="shc-seeks-reply-on-muharram-mobile-suspension",
        title="SHC seeks reply from Sindh govt on mobile suspensions during Muharram",
        authors=("Staff Reporter",),
        published=datetime(2024, 7, 12, 12, 45, tzinfo=PKT),
        category="Pakistan", tags=("Sindh High Court", "Internet Shutdown"),
        date_style="time", post_id=1845532,
        body="""
The Sindh High Court on Friday issued notices to the provincial home department and the Pakistan Telecommunication Authority on a petition challenging plans to suspend mobile services in Karachi, Hyderabad and other cities of the province during Muharram processions.

The petitioner, a Karachi-based lawyer, argued that blanket suspensions affected millions of people who had nothing to do with the processions, including patients trying to reach hospitals and workers who depend on mobile apps for their income.

"Security is a legitimate concern, but the state must show why switching off an entire city is the least restrictive option available," his counsel told the bench.

A provincial law officer said suspensions were requested only for routes of major processions and for limited hours, based on threat alerts from security agencies. He said the home department would submit details of the areas and times proposed for this year.

The bench observed that in previous years suspensions had often extended beyond the announced areas and asked the PTA to explain how it ensured that operators followed the boundaries given in the orders.

Telecom operators were also directed to file statements on the number of users affected in past suspensions.

The hearing was adjourned to July 15, a day before Ashura.
""",
    ),
    ArticleRecord(
        slug="pta-blocks-wikipedia-over-sacrilegious-content",
        title="PTA blocks Wikipedia over 'sacrilegious content'",
        authors=("Reuters",),
        published=datetime(2023, 2, 4, 16, 30, tzinfo=PKT),
        category="Pakistan", tags=("PTA", "Wikipedia", "Censorship"),
        date_style="jsonld", post_id=1735113,
        body="""
Pakistan's telecom regulator has blocked access to Wikipedia after the online encyclopedia did not remove content the authorities considered blasphemous, a spokesperson for the regulator said on Saturday.

The Pakistan Telecommunication Authority (PTA) said it had first degraded the site's services for 48 hours and warned that it would block the website if the material was not taken down. "Wikipedia neither blocked nor removed the content," the spokesperson said, adding that access would be restored once the pages were removed.

The Wikimedia Foundation said in a statement that the block cut millions of readers off from a free source of knowledge that they also help to build. It said decisions about content on Wikipedia were made by its community of volunteer editors.

Students and teachers criticised the move on social media. "Half of my class uses it every day to start their research. Blocking the whole site for a few pages makes no sense," said Anum Shafiq, a lecturer at a university in Lahore.

Digital rights organisation Bolo Bhi said the law did not allow the PTA to block an entire website when specific pages could be targeted, and called the decision disproportionate.

Pakistan has previously blocked platforms including YouTube and TikTok over content it considered objectionable, before restoring access after negotiations.
""",
    ),
    ArticleRecord(
        slug="data-of-sim-users-sold-online-fia-arrests-suspects-in-multan",
        title="FIA arrests two suspects in Multan over sale of SIM owners' data",
        authors=("Shakeel Ahmed", "Zulfiqar Hussain"),
        published=datetime(2024, 10, 3, 21, 15, tzinfo=PKT),
        category="Pakistan", tags=("FIA", "Data Leak", "Cybercrime"),
        date_style="jsonld", post_id=1862845,
        body="""
The Federal Investigation Agency (FIA) said on Thursday it had arrested two men in Multan who were allegedly selling the personal details of mobile phone users, including national identity numbers and addresses, through a messaging app.

According to the FIA's cybercrime wing, the suspects operated a channel on Telegram where buyers could pay to look up details linked to any phone number. Officials said the channel had several thousand subscribers and charged between Rs500 and Rs2,000 for each search.

"The data was being used for fraud, blackmail and harassment. We have recovered laptops, phones and records of payments," an FIA official in Multan said at a press conference.

The agency said initial investigations suggested that the data came from a retailer's database that had been improperly accessed, and that it was trying to identify other members of the network in Lahore and Faisalabad.

Victims of the scheme included women who had been harassed after their addresses were shared online, according to the Digital Rights Foundation, which said its helpline had received several such complaints this year.

Cyber security expert Rafay Baloch said the arrests would not solve the problem unless companies holding personal data were legally required to protect it. "Without a data protection law, there is no penalty for the company that lost the data in the first place," he said.

A case has been registered under the Prevention of Electronic Crimes Act.
""",
    ),
    ArticleRecord(
        slug="x-restored-in-pakistan-after-15-months",
        title="X restored in Pakistan after more than 15 months",
        authors=("Dawn.com",),
        published=datetime(2025, 5, 8, 15, 55, tzinfo=PKT),
        category="Pakistan", tags=("X", "Internet"),
        date_style="jsonld", post_id=1909215,
        body="""
Social media platform X became accessible in Pakistan without a VPN on Thursday, more than 15 months after it was blocked in February last year, users and officials said.

Users in Karachi, Lahore, Islamabad and Peshawar reported that the app and website were loading normally on mobile networks and broadband. NetBlocks said its metrics confirmed the restoration across multiple providers.

The government did not announce the decision. A senior official said the restoration was linked to the need to counter hostile propaganda during the current tensions with India. "This is a time when Pakistan's point of view must reach the world without obstacles," he said.

The platform had been blocked since February 17, 2024, after allegations of vote rigging in the general election spread online. The government later told the Islamabad High Court that the block was needed for national security and because X had not complied with requests to remove content.

Digital rights groups welcomed the restoration but said it exposed the arbitrary nature of the ban. "It was blocked without an order and it is back without an order. Nothing has been learnt," said Farieha Aziz of Bolo Bhi.

Businesses and freelancers said they hoped the decision would be permanent. Several said they had spent heavily on VPN subscriptions during the ban.

The PTA did not respond to a request for comment.
""",
    ),
    ArticleRecord(
        slug="mobile-internet-suspended-in-di-khan-and-tank-for-security-operation",
        title="Mobile internet suspended in D.I. Khan and Tank for security operation",
        authors=("Our Correspondent",),
        published=datetime(2025, 6, 24, 10, 15, tzinfo=PKT),
        category="Pakistan", tags=("Khyber Pakhtunkhwa", "Internet Shutdown"),
        date_style="byline", post_id=1918841,
        body="""
Mobile internet services were suspended in Dera Ismail Khan and neighbouring Tank district on Tuesday as security forces began an operation against militants in the area, officials said.

The Khyber Pakhtunkhwa home department said in a notification that mobile data would remain suspended for three days "to prevent the use of communication networks by terrorists". Voice calls and SMS were not affected.

Residents said the decision had brought businesses to a standstill. Shopkeepers in the main bazaar of the city said customers could not make digital payments and wholesalers could not place orders.

"Everything now runs on the phone, from bank transfers to school lessons. Three days is a long time for a city of this size," said Naveed Gandapur, a trader in D.I. Khan.

Local journalists said they were unable to send video reports and had to travel to Bhakkar in Punjab to file stories. The Dera Press Club demanded that journalists be given alternative means to work during the suspension.

Officials said the operation was aimed at militant hideouts in the district's border areas and would be completed as soon as possible.

This is the third time this year that mobile data has been suspended in the division.
""",
    ),
    ArticleRecord(
        slug="lhc-questions-blocking-of-websites-without-notice",
        title="LHC questions blocking of news websites without notice",
        authors=("Wajih Ahmad Sheikh",),
        published=datetime(2025, 9, 11, 19, 30, tzinfo=PKT),
        category="Pakistan", tags=("Lahore High Court", "Censorship", "PTA"),
        date_style="time", post_id=1938650,
        body="""
The Lahore High Court on Thursday asked the Pakistan Telecommunication Authority (PTA) to explain why two news websites were blocked without their owners being informed or given a chance to respond.

Justice Shahid Karim was hearing petitions filed by the publishers of the websites, which said their readers in Pakistan had been unable to reach them for more than a month. They said they learnt of the block only when readers complained.

"Is there any procedure under which the owner of a website is told why it has been blocked? Or does it simply disappear?" the judge asked the PTA's counsel.

The counsel said the authority had acted on complaints under Section 37 of the Prevention of Electronic Crimes Act and its rules, which allow it to block content it considers unlawful. He said a review mechanism was available within the authority.

Counsel for the petitioners, Asad Jamal, said the rules required the PTA to give a hearing before blocking, and that the review mechanism was meaningless if nobody was told a decision had been taken. He said the websites had not been shown any specific content that was considered unlawful.

The court directed the PTA to produce the complaints and the orders on which the websites were blocked, and to explain whether notice had been given.

Further hearing was adjourned until September 25.
""",
    ),
    ArticleRecord(
        slug="karachi-mein-internet-ki-raftar-sust-sarifeen-pareshan",
        title="کراچی میں انٹرنیٹ کی رفتار سست، صارفین پریشان",
        authors=("ویب ڈیسک",),
        published=datetime(2024, 8, 14, 17, 0, tzinfo=PKT),
        category="Pakistan", tags=("Internet",),
        date_style="jsonld", post_id=1850917, language="ur",
        body="""
کراچی سمیت ملک کے مختلف شہروں میں انٹرنیٹ کی رفتار مسلسل کئی دنوں سے سست ہے جس کی وجہ سے شہریوں اور کاروباری افراد کو شدید مشکلات کا سامنا ہے۔

صارفین کا کہنا ہے کہ واٹس ایپ پر تصاویر اور وائس نوٹس ڈاؤن لوڈ نہیں ہو رہے جبکہ ویڈیو کالز بار بار منقطع ہو جاتی ہیں۔ گلشن اقبال کے رہائشی ایک طالب علم نے بتایا کہ وہ کئی گھنٹوں سے اپنا اسائنمنٹ اپ لوڈ کرنے کی کوشش کر رہے ہیں۔

فری لانسرز کا کہنا ہے کہ سست انٹرنیٹ کی وجہ سے بیرون ملک کلائنٹس کے ساتھ کام متاثر ہو رہا ہے۔ ایک ویب ڈیولپر نے کہا کہ اگر یہ صورتحال جاری رہی تو وہ اپنے کئی منصوبے کھو دیں گے۔

انٹرنیٹ سروس پرووائیڈرز کی تنظیم کا کہنا ہے کہ مسئلہ ان کے نیٹ ورکس میں نہیں ہے۔ دوسری جانب پی ٹی اے نے ایک بیان میں کہا ہے کہ سب میرین کیبل میں خرابی کی وجہ سے رفتار متاثر ہوئی ہے اور جلد بحال کر دی جائے گی۔

ڈیجیٹل حقوق کے کارکنوں نے حکومت سے مطالبہ کیا ہے کہ وہ فائر وال سے متعلق خبروں پر واضح موقف اختیار کرے۔ انہوں نے کہا کہ شہریوں کو یہ جاننے کا حق ہے کہ ان کا انٹرنیٹ کیوں سست ہے۔
""",
    ),
    ArticleRecord(
        slug="newsroom-memo-on-unpublished-investigation",
        title="Newsroom memo on an unpublished investigation",
        authors=("Staff Reporter",),
        published=datetime(2025, 2, 10, 9, 0, tzinfo=PKT),
        category="Pakistan", tags=("Internal",),
        date_style="jsonld", post_id=1829999,
        body="""
This story page is listed in the feeds but its path is disallowed by robots.txt.

A polite crawler reads robots.txt first and never requests it.
""",
    ),
    # issue 13: a history of disruptions (benchmarks/gold/disruptions/history.json)
    ArticleRecord(
        slug="mobile-service-to-be-suspended-in-karachi-hyderabad-sukkur-on-9th-10th-muharram",
        title="Mobile service to be suspended in parts of Karachi, Hyderabad and Sukkur on 9th, 10th Muharram",
        authors=("Staff Reporter",),
        published=datetime(2023, 7, 27, 19, 20, tzinfo=PKT),
        category="Pakistan", tags=("Muharram", "Internet Shutdown", "Karachi"),
        date_style="jsonld", post_id=1764410,
        body="""
The Sindh home department on Thursday approved the suspension of mobile phone service along the routes of Muharram processions in Karachi, Hyderabad and Sukkur on Friday and Saturday, the 9th and 10th of Muharram.

A notification issued by the department said service would be switched off from 6am until the processions ended each day, on the request of the police and the Rangers. It said the suspension would apply only to the areas around the main routes and the venues of majalis, and that the Pakistan Telecommunication Authority had been asked to direct operators accordingly.

In Karachi, the affected areas include Nishtar Park, MA Jinnah Road, Saddar and the route to the imambargah in Kharadar. In Hyderabad, service will be suspended around the main procession route through the old city.

"We have specific threat alerts for both days. A few hours of inconvenience is better than any loss of life," a senior police official in Karachi said.

Shopkeepers in Saddar said they had grown used to the annual suspensions but that these now lasted longer than before. "Earlier it was a few hours around the procession. Now the whole area goes silent from morning to night," said Ghulam Rasool, who runs a mobile phone shop near Empress Market.

The home department said landlines would keep working and that emergency services would remain available on their helplines. Citizens were advised to plan their travel in advance and to avoid the procession routes.

More than 10,000 police and Rangers personnel will be deployed in Karachi alone, officials said.
""",
    ),
    ArticleRecord(
        slug="mobile-service-restored-in-karachi-after-two-day-suspension",
        title="Mobile service restored in Karachi after two-day suspension",
        authors=("Staff Reporter",),
        published=datetime(2023, 7, 30, 12, 10, tzinfo=PKT),
        category="Pakistan", tags=("Muharram", "Internet Shutdown", "Karachi"),
        date_style="byline", post_id=1764795,
        body="""
Mobile phone service was restored in Karachi, Hyderabad and Sukkur early on Sunday, two days after it was suspended along the routes of the 9th and 10th Muharram processions, officials said.

A spokesperson for the Sindh home department said operators had been told to restore service after the Ashura processions ended peacefully on Saturday evening. Users in Saddar and Garden said calls and data were working normally by Sunday morning.

The spokesperson thanked citizens for their cooperation and said the suspension had helped the police keep the processions secure. "There was not a single untoward incident in the province," he said.

Traders in the city centre said the two days had cost them dearly. Mobile phone repair shops and money transfer outlets near Empress Market stayed shut, and food delivery riders said they had lost most of their orders.

Aslam Khatri, who runs a pharmacy in Garden, said customers could not pay through mobile wallets. "People came with no cash because they are used to paying by phone. We had to keep a notebook of who owes what," he said.

Telecom operators did not release figures on the number of users affected. An industry official estimated that the suspension had cost operators several hundred million rupees in lost revenue across the province.

The police said they would review the security plan for next year's processions with the home department.
""",
    ),
    ArticleRecord(
        slug="mobile-internet-suspended-in-quetta-as-election-protests-block-highways",
        title="Mobile internet suspended in Quetta as election protests block highways",
        authors=("Our Correspondent",),
        published=datetime(2024, 2, 17, 23, 50, tzinfo=PKT),
        category="Pakistan", tags=("Balochistan", "Elections 2024", "Internet Shutdown"),
        date_style="jsonld", post_id=1814870,
        body="""
Mobile internet was suspended in Quetta on Saturday as an alliance of nationalist and religious parties blocked highways across Balochistan to protest against what they called the rigging of the February 8 election results.

The Balochistan home department said in a notification that the suspension was ordered at the request of the district administration "to maintain law and order" and would remain in force until further orders. Mobile calls and landline services were not affected.

Protesters blocked the Quetta-Karachi highway near Mastung and the road to Chaman for several hours, leaving trucks and passenger buses stranded. Leaders of the alliance said the sit-ins would continue until their demands for recounts in several constituencies were accepted.

"We are peaceful people sitting on the road. Switching off the internet will not make our votes disappear," said Abdul Wahid, a party worker at the sit-in near Mastung.

University students in Quetta said they could not submit assignments online and were going to internet cafés with fixed-line connections.

Separately, users across Pakistan reported late on Saturday night that X, formerly Twitter, had stopped loading on both mobile and broadband connections. The disruption began a few hours after the Rawalpindi commissioner alleged at a press conference that results in his division had been manipulated. It was not immediately clear whether the two restrictions were connected.

The Pakistan Telecommunication Authority did not respond to requests for comment on either development.
""",
    ),
    ArticleRecord(
        slug="punjab-seeks-mobile-internet-suspension-in-12-districts-for-ashura",
        title="Punjab seeks mobile internet suspension in 12 districts for Ashura",
        authors=("Staff Reporter",),
        published=datetime(2024, 7, 13, 18, 30, tzinfo=PKT),
        category="Pakistan", tags=("Muharram", "Punjab", "Internet Shutdown"),
        date_style="time", post_id=1845790,
        body="""
The Punjab home department has asked the federal interior ministry to suspend mobile internet along procession routes in 12 districts of the province on the 9th and 10th of Muharram, officials said on Saturday.

According to a letter sent to the ministry, the department wants mobile data switched off from 6am to 10pm on July 16 and 17 in districts including Lahore, Rawalpindi, Multan, Jhang and Bhakkar. Voice calls would not be affected.

The letter said the request was based on threat alerts from intelligence agencies and the recommendations of district intelligence committees. The final decision rests with the interior ministry, which directs the PTA to implement any suspension.

Traders in Lahore's walled city said they would accept a suspension limited to procession routes but feared it would extend to entire neighbourhoods, as had happened in earlier years. "Last time they said it was only for the route. My shop is two streets away and I had no signal for the whole day," said Bashir Ahmed, an electronics dealer near Mochi Gate.

Ride-hailing drivers said two days without data would wipe out a week's savings. "People think it is only WhatsApp. For us it is the whole job," said Kamran Yousaf, a driver in Rawalpindi.

The Lahore police said more than 20,000 officers would be deployed for Muharram security in the city, and that safe city cameras would monitor all the main routes.

The interior ministry is expected to decide on the request early next week.
""",
    ),
    ArticleRecord(
        slug="a-year-without-x-the-ban-nobody-explains",
        title="A year without X: the ban nobody explains",
        authors=("Dawn.com",),
        published=datetime(2025, 2, 17, 9, 30, tzinfo=PKT),
        category="Pakistan", tags=("X", "Internet", "Censorship"),
        date_style="jsonld", post_id=1891120,
        body="""
It has been a year since X stopped working in Pakistan. On February 17 last year, the platform went dark across the country a few hours after allegations of vote rigging were made at a press conference in Rawalpindi, and it has remained blocked ever since.

Over those twelve months, the government has given the courts a series of explanations. The interior ministry has cited intelligence reports, the platform's failure to remove content and the need to protect national security. The PTA has said it acted on the ministry's instructions. None of the orders has been made public.

Users, meanwhile, have adapted. VPN downloads in Pakistan rose sharply in the weeks after the block and have stayed high, according to app store data, and many official accounts continue to post on the platform.

"It is the strangest ban in the world. The people who imposed it use it every day," said Asma Riaz, a lecturer in media studies in Lahore.

Businesses say the cost has been real. Software houses and freelancers, who use the platform to find clients abroad, told Dawn.com they had lost contracts, and advertisers have moved their budgets to other platforms.

Petitions against the block remain pending before the Islamabad High Court and the Sindh High Court.

Asked whether the government planned to restore access, an official of the IT ministry said the matter was "under consideration at the appropriate level". He did not give a timeline.
""",
    ),
    ArticleRecord(
        slug="ecp-rules-out-internet-suspension-for-islamabad-local-government-polls",
        title="ECP rules out internet suspension for Islamabad local government polls",
        authors=("Staff Reporter",),
        published=datetime(2025, 4, 15, 20, 5, tzinfo=PKT),
        category="Pakistan", tags=("ECP", "Local Government", "Islamabad"),
        date_style="jsonld", post_id=1903310,
        body="""
The Election Commission of Pakistan said on Tuesday that it would not ask for mobile phone or internet services to be suspended during the local government elections in Islamabad, and that it expected results to be sent electronically from every polling station.

Opposition parties and election observers had asked the commission for assurances after complaints that mobile services might be switched off on polling day, as during the 2024 elections, when calls and data were cut across the country for most of the day.

"We have not requested any suspension and we see no reason for one," an ECP spokesperson told Dawn. He said the commission's result management system had been tested on both mobile and fixed-line networks.

The Free and Fair Election Network welcomed the assurance but said the final decision on any suspension rested with the interior ministry. "The commission can only say what it will not ask for. It cannot promise what the interior ministry will do," a Fafen official said.

Candidates in several union councils said they had prepared for the worst. Sohail Awan, who is contesting a chairman's seat in Tarlai, said his polling agents had been given printed copies of all forms. "After last year, nobody trusts that the phones will work," he said.

More than 1,000 candidates are contesting the polls, which are due to be held next month in 125 union councils of the federal capital.
""",
    ),
]
