"""Articles of the ``drm`` snapshot site. The project's own writing: private
people, their quotes and the details of court hearings are invented."""

from datetime import datetime

from ..base import PKT, ArticleRecord

_TELETHON = """
Access to major social media platforms was disrupted across Pakistan on Sunday night, internet observatory NetBlocks reported, as the Pakistan Tehreek-e-Insaf (PTI) held an online fundraising telethon.

NetBlocks said its metrics showed X, Facebook, Instagram and YouTube restricted on several networks from around 8pm. The observatory added that the pattern matched the disruption recorded during the party's virtual rally last month.

[img /wp-content/uploads/2024/01/netblocks-telethon-chart.jpg | A chart shared by NetBlocks showing the drop in reachability of social platforms on Sunday.]

Users in Karachi, Lahore, Islamabad and Peshawar told DRM that timelines would not load and that videos stopped playing midway. Several said they could only follow the telethon after switching on a VPN, while WhatsApp messages appeared to go through normally.

When DRM's own team tried to post an update on X at about 9:30pm, the app failed to refresh on two mobile networks and a fibre connection in Islamabad. The post eventually went out through a VPN.

It was the second time in less than a month that a PTI online event coincided with platform outages. On December 17, 2023, the same four platforms were disrupted nationwide for several hours while the party streamed its first virtual gathering.

Digital rights lawyer Saadia Mazhar said the repeated pattern raised serious questions ahead of the February 8 general election. "Whoever is doing this is treating the internet as a switch they can flip during political events. That is incompatible with a fair campaign," she said.

The Pakistan Telecommunication Authority did not respond to a request for comment by the time of publishing. In December, a PTA spokesperson had attributed the earlier outage to a "technical glitch".

This is a developing story and will be updated as more information becomes available.
"""

ARTICLES = [
    ArticleRecord(
        slug="social-media-platforms-disrupted-during-pti-telethon-netblocks",
        title="Social media platforms disrupted during PTI telethon: NetBlocks",
        authors=("DRM",),
        published=datetime(2024, 1, 7, 22, 5, tzinfo=PKT),
        modified=datetime(2024, 1, 7, 23, 20, tzinfo=PKT),
        category="News", tags=("internet", "Pakistan", "NetBlocks"),
        date_style="jsonld", post_id=21840,
        lead_image=("/wp-content/uploads/2024/01/outage-telethon.jpg", "Photo: Reuters"),
        body=_TELETHON,
    ),
    # the same story with the date only as visible byline text
    ArticleRecord(
        slug="social-media-platforms-disrupted-during-pti-telethon-netblocks-2",
        title="Social media platforms disrupted during PTI telethon: NetBlocks",
        authors=("DRM",),
        published=datetime(2024, 1, 7, 22, 5, tzinfo=PKT),
        category="News", tags=("internet", "Pakistan"),
        date_style="byline", post_id=21841,
        lead_image=("/wp-content/uploads/2024/01/outage-telethon.jpg", "Photo: Reuters"),
        body=_TELETHON,
    ),
    ArticleRecord(
        slug="ihc-seeks-written-reply-from-interior-ministry-on-x-ban",
        title="IHC seeks written reply from interior ministry on X ban",
        authors=("DRM",),
        published=datetime(2024, 4, 17, 15, 30, tzinfo=PKT),
        category="Court Updates", tags=("X", "Islamabad High Court", "PTA"),
        date_style="time", post_id=23012,
        body="""
The Islamabad High Court (IHC) on Wednesday directed the Ministry of Interior to submit a written reply explaining the legal basis for blocking X, formerly Twitter, which has been inaccessible in Pakistan since February 17.

Chief Justice Aamer Farooq was hearing a petition filed by journalist Ehtisham Abbasi, who argued that the suspension violated the rights to free expression and access to information guaranteed under Articles 19 and 19-A of the Constitution.

During the hearing, a lawyer for the Pakistan Telecommunication Authority (PTA) told the court that the regulator had acted on a letter from the interior ministry. The court asked why the letter had not been placed on record. "If the state has reasons, let it put them in writing before this court," the chief justice remarked.

The petitioner's counsel, advocate Umar Gilani, said businesses, freelancers and students had suffered for two months without any public notice. "There is no order, no gazette notification and no time limit. The public is simply told to live with it," he argued.

A deputy attorney general sought more time, saying the matter involved national security. The court granted two weeks but observed that security could not be used as "a blanket answer" to every question about fundamental rights.

The PTA's counsel also informed the court that the authority had blocked more than a thousand URLs on X over the past year on complaints from various ministries, and that it had repeatedly asked the company to appoint a local representative.

The hearing was adjourned until May 2.
""",
    ),
    ArticleRecord(
        slug="shc-orders-restoration-of-x-gives-government-one-week",
        title="SHC orders restoration of X, gives government one week",
        authors=("Mehwish Abbasi",),
        published=datetime(2024, 5, 9, 13, 10, tzinfo=PKT),
        modified=datetime(2024, 5, 9, 17, 45, tzinfo=PKT),
        category="Court Updates", tags=("X", "Sindh High Court"),
        date_style="jsonld", post_id=23377,
        body="""
The Sindh High Court (SHC) on Thursday directed the federal government to restore access to X within a week, ruling that the suspension of the platform had no legal backing in the documents produced before the bench.

A two-member bench headed by Chief Justice Aqeel Ahmed Abbasi was hearing a set of petitions filed by journalists, lawyers and a Karachi-based civil society group against the nationwide block that began in February.

The bench observed that the interior ministry's letter to the Pakistan Telecommunication Authority (PTA) cited "intelligence reports" but did not identify any content or explain why blocking the entire platform was necessary. "You cannot shut down a public square because of a few posters on the wall," the chief justice remarked.

Petitioner Jibran Nasir told reporters outside the court that the order was a relief for people who relied on the platform for work and news. "The court has said what citizens have been saying for three months," he said.

The PTA's lawyer argued that the authority was bound to implement directions of the federal government under Section 37 of the Prevention of Electronic Crimes Act (PECA). The bench asked the authority to explain whether it had applied its own mind before issuing the block.

Digital rights researcher Kashif Bukhari said the ruling was significant even if the government appealed. "It puts on record that a ban of this scale needs reasons that can be tested in court," he said.

The court will hear the case again after the government files its compliance report.
""",
    ),
    ArticleRecord(
        slug="pta-sets-deadline-for-vpn-registration",
        title="PTA sets November 30 deadline for VPN registration",
        authors=("Reuters",),
        published=datetime(2024, 11, 15, 18, 20, tzinfo=PKT),
        category="News", tags=("VPN", "PTA"),
        date_style="jsonld", post_id=25510,
        body="""
Pakistan's telecom regulator has asked businesses and freelancers to register their virtual private networks (VPNs) by November 30, saying unregistered connections could face restrictions after the deadline.

The Pakistan Telecommunication Authority (PTA) said in a notice on Friday that registration was free and could be completed online within hours. It said the process would help "ensure uninterrupted service" for companies, banks, call centres and IT exporters that depend on secure connections.

The move comes weeks after the Council of Islamic Ideology's chairman said the use of VPNs to access blocked or immoral content was against Islamic law, a statement that drew criticism from rights groups and the technology industry.

Industry body P@SHA said it supported a registration system for enterprises but warned that a broader crackdown would hurt the country's IT exports, which officials hope to expand. "Freelancers cannot be expected to register every tool they use for client work," a P@SHA spokesperson said.

Digital rights campaigner Usama Khilji said the plan was effectively a way to make the X ban stick. "VPNs are how millions of Pakistanis have been reaching a platform that was blocked without any legal order," he said.

Downloads of VPN apps in Pakistan have surged since February, when X was first blocked, according to figures shared by a VPN provider.

The PTA did not say what would happen to personal VPN use after the deadline.
""",
    ),
    ArticleRecord(
        slug="women-journalists-describe-coordinated-online-abuse",
        title="Women journalists describe coordinated online abuse after election coverage",
        authors=("Nida Raza", "Omer Saleem"),
        published=datetime(2024, 3, 8, 10, 0, tzinfo=PKT),
        category="Features", tags=("Gender", "Journalist Safety", "Harassment"),
        date_style="byline", post_id=22685,
        body="""
For three days after she posted a clip from a vote count in Lahore, Ayesha Siddiqui's phone did not stop buzzing. Hundreds of replies called her a traitor, some shared her home neighbourhood, and a doctored picture of her circulated on WhatsApp groups.

"I have covered floods and bomb blasts, and I have never felt as unsafe as I did sitting in my own room reading those messages," she said. Siddiqui, a reporter for a private television channel, asked that her employer not be named.

[img /wp-content/uploads/2024/03/journalist-harassment-feature.jpg | Many women reporters say they now limit what they post about their own work.]

Her experience is not unusual. DRM spoke to eleven women journalists in Karachi, Lahore, Islamabad and Peshawar who reported similar campaigns after the February 8 election, often beginning within minutes of a post and carried out by accounts created in the same week.

The Digital Rights Foundation's cyber harassment helpline said it received more complaints from journalists in February than in any month of the previous year. According to the helpline's manager, Hyra Basit, most callers wanted help reporting content and documenting threats rather than going to the police.

Several journalists said they had filed complaints with the Federal Investigation Agency's (FIA) cybercrime wing but heard nothing back. "You fill the form, you submit screenshots, and then there is silence," said Sara Mahmood, a freelance reporter in Islamabad.

## What newsrooms can do

Media trainers said editors often treat online abuse as a personal matter rather than a safety risk. They recommended that newsrooms keep a record of attacks, give reporters access to legal advice and avoid pressuring them to stay active on social media during campaigns.

Siddiqui has since switched her accounts to private. "The worst part is that it works. I think twice before I share anything now," she said.
""",
    ),
    ArticleRecord(
        slug="fia-summons-journalists-over-social-media-posts",
        title="FIA summons journalists over social media posts on judiciary",
        authors=("DRM",),
        published=datetime(2024, 1, 30, 19, 45, tzinfo=PKT),
        category="News", tags=("FIA", "PECA", "Journalists"),
        date_style="time", post_id=22110,
        body="""
The Federal Investigation Agency (FIA) has issued notices to several journalists and YouTubers asking them to appear before its cybercrime wing in Islamabad over posts allegedly criticising the judiciary.

According to copies of the notices seen by DRM, the recipients were told to bring "relevant documents" and warned that failure to appear could lead to legal action under the Prevention of Electronic Crimes Act (PECA). The notices did not identify the specific posts in question.

The Pakistan Federal Union of Journalists (PFUJ) condemned the summons and said it would challenge them in court if they were not withdrawn. "This is an attempt to frighten journalists into silence before the election," PFUJ secretary general Arshad Ansari said in a statement.

An FIA official, speaking on condition of anonymity, said the agency was acting on the orders of a joint investigation team formed to examine what he called a "malicious campaign" against judges on social media. He said journalists would be given a fair hearing.

Lawyers representing some of the recipients said the notices were legally defective because they did not mention any offence. Advocate Imaan Zainab said PECA had repeatedly been used "as a tool to harass critics rather than to protect people from genuine cybercrime".

The Islamabad High Court is already hearing petitions about earlier FIA notices to journalists. In previous hearings, the court has asked the agency to frame standard operating procedures before summoning members of the press.

Several of the journalists said they would appear with their lawyers on the dates given.
""",
    ),
    ArticleRecord(
        slug="investigation-confirms-data-of-millions-of-citizens-leaked",
        title="Investigation confirms data of millions of citizens leaked from national database",
        authors=("Staff Reporter",),
        published=datetime(2024, 4, 25, 12, 0, tzinfo=PKT),
        category="News", tags=("Data Leak", "Privacy", "NADRA"),
        date_style="jsonld", post_id=23190,
        body="""
A joint investigation team has concluded that personal data of about 2.7 million citizens was stolen from the national identity database between 2019 and 2023, according to findings shared with a parliamentary committee.

The team found that the data was accessed through user accounts at regional offices in Multan, Peshawar and Karachi before being transferred out of the country. Officials told the committee that some of the records had been offered for sale online.

The report recommended disciplinary action against several officials and said the breach had been made possible by weak oversight of access rights. It also called for an independent audit of the database's security.

Privacy advocates said the findings underlined the need for a data protection law. "Citizens have no way of knowing whether their information was in that leak, and no authority they can complain to," said Nighat Dad, founder of the Digital Rights Foundation.

A draft Personal Data Protection Bill has been under discussion for several years but has not been passed by parliament. The Ministry of Information Technology said in a statement that it hoped to present the bill "in the near future".

Security researcher Hamza Rafiq said leaked identity data was routinely used for SIM fraud and fake loan applications. "Once a national ID record is out, it is out forever. You cannot change your parents' names or your date of birth," he said.

The committee asked the database authority to report back within a month on the steps taken.
""",
    ),
    ArticleRecord(
        slug="mobile-data-suspended-in-islamabad-and-rawalpindi-ahead-of-protest",
        title="Mobile data suspended in Islamabad and Rawalpindi ahead of protest",
        authors=("DRM",),
        published=datetime(2024, 11, 24, 11, 30, tzinfo=PKT),
        modified=datetime(2024, 11, 24, 20, 15, tzinfo=PKT),
        category="News", tags=("Internet Shutdown", "Protests", "WhatsApp"),
        date_style="jsonld", post_id=25605,
        body="""
Mobile internet services were suspended in Islamabad and Rawalpindi on Sunday as the capital was sealed with shipping containers ahead of a protest march called by the Pakistan Tehreek-e-Insaf (PTI).

The interior ministry had said on Saturday that mobile data would be suspended in "areas with security concerns" while other services would remain available. By Sunday morning, users across both cities reported that they could make calls but not load websites or apps.

Users also reported problems with WhatsApp on fixed-line connections, with voice notes and images failing to download. NetBlocks said WhatsApp backend servers appeared to be restricted on multiple networks.

Delivery riders and ride-hailing drivers in Rawalpindi said they had lost a day's income. "Without data we have no orders. I came out at nine in the morning and I have not earned a single rupee," said Tariq Mehmood, a motorcycle courier in Saddar.

The Pakistan Telecommunication Authority said it was implementing instructions from the interior ministry and that the suspension was temporary. It did not say when services would return.

Digital rights groups said blanket shutdowns during protests put lives at risk because people could not contact emergency services or check on family members. The Digital Rights Foundation urged the government to publish the legal orders behind the suspension.

Services were partially restored in some sectors of Islamabad late on Sunday evening.
""",
    ),
    ArticleRecord(
        slug="the-firewall-nobody-will-name",
        title="The firewall nobody will name",
        authors=("Arsalan Haider",),
        published=datetime(2024, 8, 28, 9, 0, tzinfo=PKT),
        category="Comment", tags=("Firewall", "Opinion"),
        date_style="time", post_id=24570,
        body="""
For most of August, Pakistanis have been told a story about undersea cables. The cables, we heard, were damaged, then repaired, then damaged again, while WhatsApp photos refused to download and freelancers watched progress bars that did not move.

Meanwhile, ministers have spoken in public about a "web management system" that would help the state deal with propaganda and protect the country's cyber security. They have not said what the system is, who bought it, how much it cost or which law allows it to be used.

That gap is the real problem. A country can debate whether it wants filtering of certain content, and courts can test whether such filtering is proportionate. What citizens cannot do is debate a system the government will not acknowledge.

Internet service providers have been unusually open about the damage. Their association said speeds had dropped sharply and that customers were blaming the wrong people. Software houses have talked about lost contracts. These are not activists; they are businesses that want to keep earning in dollars.

The Prevention of Electronic Crimes Act already gives the Pakistan Telecommunication Authority wide powers to block content. Installing national-scale inspection equipment without new legislation, public consultation or judicial oversight goes well beyond what parliament approved in 2016.

The minimum the government owes the public is a written explanation: what was installed, what it does, who controls it and how its decisions can be challenged. Without that, every slowdown will be read as censorship, and every denial will be heard as another story about cables.
""",
    ),
    ArticleRecord(
        slug="national-assembly-passes-peca-amendment-amid-journalist-walkout",
        title="National Assembly passes PECA amendment amid journalist walkout",
        authors=("DRM",),
        published=datetime(2025, 1, 23, 17, 50, tzinfo=PKT),
        category="News", tags=("PECA", "Legislation", "PFUJ"),
        date_style="jsonld", post_id=26410,
        body="""
The National Assembly on Thursday passed amendments to the Prevention of Electronic Crimes Act (PECA) that create a new offence of spreading false information online, as journalists walked out of the press gallery in protest.

The bill, moved by the government with little debate, proposes prison terms of up to three years for intentionally sharing information that the person knows or has reason to believe is false and likely to cause fear or unrest. It also establishes a Social Media Protection and Regulatory Authority with powers to order the removal of content.

The Pakistan Federal Union of Journalists (PFUJ) announced protests across the country. "This law was drafted without consulting a single journalist body. It gives the government a weapon to use against anyone who reports what it does not like," PFUJ president Afzal Butt said outside Parliament House.

Information minister Attaullah Tarar defended the amendments, saying they targeted "fake news" and not legitimate journalism. He said the government was open to discussing concerns once the law was in place.

Opposition members from the PTI objected to the speed at which the bill was passed and said it would be used against political workers. Lawyers said the definition of false information was vague enough to cover satire and opinion.

Digital rights organisations, including Bolo Bhi and the Digital Rights Foundation, urged the Senate to send the bill to a committee for public hearings before voting on it.

The bill now goes to the Senate.
""",
    ),
    ArticleRecord(
        slug="internet-freedom-scorecard-finds-little-improvement",
        title="Internet freedom scorecard finds little improvement in 2025",
        authors=("DRM",),
        published=datetime(2025, 6, 24, 14, 0, tzinfo=PKT),
        category="Features", tags=("Report", "Internet Freedom"),
        date_style="jsonld", post_id=27935,
        body="""
A coalition of digital rights groups has published its annual scorecard on internet freedom in Pakistan, concluding that conditions improved only slightly over the past year despite the restoration of X in May.

The report, compiled from shutdown records, court documents and interviews with users in all four provinces, counted at least 20 regional mobile data suspensions in the twelve months to May. Most were in Balochistan and in districts of Khyber Pakhtunkhwa, including D.I. Khan and areas around Mingora.

Researchers said the return of X was welcome but came without any explanation of why it had been blocked for over a year. "The ban ended the same way it began: quietly, and without a single document made public," said report co-author Rabia Anwar.

The scorecard gave the lowest marks to transparency, noting that none of the shutdown orders it tracked had been published. It recorded some progress in the courts, where several high courts had asked authorities to justify restrictions.

The authors also raised concern about amendments to the Prevention of Electronic Crimes Act passed in January, which they said had already been used to register cases against journalists and social media users.

The coalition recommended that all shutdown orders be published, that regional suspensions be time-limited and reviewed by a court, and that a data protection law be passed without further delay.
""",
    ),
    ArticleRecord(
        slug="senate-panel-questions-pta-over-balochistan-data-outages",
        title="Senate panel questions PTA over Balochistan data outages",
        authors=("Staff Reporter",),
        published=datetime(2025, 9, 11, 16, 25, tzinfo=PKT),
        category="News", tags=("Balochistan", "PTA", "Senate"),
        date_style="time", post_id=28801,
        body="""
A Senate standing committee on Thursday asked the Pakistan Telecommunication Authority (PTA) to explain why mobile data services in several districts of Balochistan had been suspended for weeks at a time over the past year.

Senators from Balochistan told the committee that students in Quetta, Turbat and Gwadar could not attend online classes or submit university applications, and that small businesses had lost customers who paid through mobile wallets.

"People in my district are told the internet is off for security reasons. Nobody tells them which reasons, or when it will come back," a senator from Kech said during the meeting.

A PTA official told the committee that the authority suspended services only on written instructions from the interior ministry and provincial home departments. He said the PTA did not decide the duration of suspensions.

The committee chairperson directed the interior ministry to present a list of all suspension orders issued for Balochistan since January, along with their stated reasons, at the next meeting. Members also asked the PTA to estimate the loss to telecom operators.

Representatives of telecom companies said in a written submission that repeated suspensions had affected their revenue and their plans to expand coverage in the province.

The committee will meet again next month.
""",
    ),
    ArticleRecord(
        slug="leaked-draft-of-online-harms-rules-circulates-among-stakeholders",
        title="Leaked draft of online harms rules circulates among stakeholders",
        authors=("DRM",),
        published=datetime(2025, 3, 4, 12, 0, tzinfo=PKT),
        category="News", tags=("Rules", "Leak"),
        date_style="jsonld", post_id=26990,
        body="""
A draft of new rules on online harms has been shared among industry stakeholders ahead of consultations, according to people who have seen it.

The draft reportedly proposes registration requirements for large platforms and deadlines for removing content flagged by the authorities.

This page is withheld from automated collection by the site's robots.txt file and should never be fetched by a polite crawler.
""",
    ),
    # issue 13: a history of disruptions (benchmarks/gold/disruptions/history.json)
    ArticleRecord(
        slug="mobile-services-suspended-in-sindh-cities-for-second-day-as-ashura-processions-end",
        title="Mobile services suspended in Sindh cities for second day as Ashura processions end",
        authors=("DRM",),
        published=datetime(2023, 7, 29, 21, 30, tzinfo=PKT),
        category="News", tags=("Internet Shutdown", "Muharram", "Sindh"),
        date_style="jsonld", post_id=20340,
        body="""
Cellular services remained switched off in parts of Karachi, Hyderabad and Sukkur on Saturday as Ashura processions were taken out, the second consecutive day of suspensions ordered by the provincial government for Muharram.

Users in Karachi's Saddar, Kharadar and Garden areas told DRM that they had been unable to make calls or use mobile internet since Friday morning. In Hyderabad, residents of the old city reported the same. Fixed-line and fibre connections continued to work.

The Sindh home department had notified the suspensions on Thursday, saying they would be limited to procession routes. Users, however, said that coverage dropped across much wider areas. "I live three kilometres from the route and I have had no signal for two days," said Saba Jatoi, a schoolteacher in Hyderabad.

Digital rights groups have long argued that blanket suspensions during religious events are disproportionate, and courts have repeatedly asked governments to justify such orders.

"There is never a published assessment of whether these suspensions actually prevent attacks. Citizens are simply expected to accept them every year," a DRM researcher said.

The Pakistan Telecommunication Authority (PTA) did not respond to questions about how many users were affected.

The processions ended peacefully in the evening, and officials said services would be restored in phases overnight.
""",
    ),
    ArticleRecord(
        slug="lhc-orders-pta-to-block-bigo-live-over-immoral-content",
        title="LHC orders PTA to block Bigo Live over 'immoral' content",
        authors=("Mehwish Abbasi",),
        published=datetime(2023, 9, 12, 16, 50, tzinfo=PKT),
        category="Court Updates", tags=("Lahore High Court", "PTA", "Apps"),
        date_style="time", post_id=20870,
        body="""
The Lahore High Court (LHC) on Tuesday ordered the Pakistan Telecommunication Authority (PTA) to block the live-streaming app Bigo Live across the country, ruling that the platform had failed to stop the spread of immoral and obscene content.

A single-member bench was hearing a petition filed by a Lahore resident who argued that the app was being used to exploit young people and that the PTA had ignored his complaints for months.

The bench directed the PTA to block the app within seven days and to submit a compliance report. It also asked the authority to explain why it had allowed the app back after an earlier ban without obtaining binding commitments from the company.

The PTA's counsel told the court that the authority had blocked thousands of links on the app on complaints and that the company had a content moderation team for Pakistan. The bench said this was not enough. "The court cannot wait for the authority to act on every video. The platform itself must answer," the judge remarked.

Digital rights lawyers criticised the order. "Courts are now directing blanket bans on entire apps because of some of their content. That is the most restrictive option, not the least," said advocate Farhan Malik.

Streamers who earn from the app said they would lose their income. Anam Rafiq, who hosts a nightly music show on the app from Faisalabad, said she had around 20,000 followers. "Many of us are women working from home. This was our only job," she said.

The company did not respond to a request for comment.
""",
    ),
    ArticleRecord(
        slug="pta-rejects-reports-that-youtube-will-be-blocked",
        title="PTA rejects reports that YouTube will be blocked",
        authors=("DRM",),
        published=datetime(2023, 10, 5, 14, 20, tzinfo=PKT),
        category="News", tags=("PTA", "YouTube", "Misinformation"),
        date_style="jsonld", post_id=20995,
        body="""
The Pakistan Telecommunication Authority (PTA) on Thursday rejected reports circulating on social media that YouTube would be blocked in the country, calling them "baseless and misleading".

Messages shared widely on WhatsApp and Facebook over the past two days claimed that the government had decided to ban the video platform from next week over blasphemous content and political videos. Some of the messages carried a fake notification bearing the PTA's logo.

"No such decision has been taken and no such notification has been issued by the authority," a PTA spokesperson said in a statement, urging the public to rely only on its official accounts for information.

YouTube was working normally across the country on Thursday, according to users and internet monitors.

Content creators said the rumours had caused panic. "I have 400,000 subscribers and my whole income comes from YouTube. I spent two days answering messages from people asking if I was finished," said Hammad Jilani, a technology reviewer in Islamabad.

Digital rights groups said the episode showed how little trust citizens had in official communication about internet restrictions. YouTube was blocked in Pakistan from September 2012 to January 2016 over a blasphemous video, and many users still remember those years. "When platforms have been blocked without notice before, people believe any rumour," said Mahnoor Aziz of a Lahore-based digital rights group.

The PTA also said it had received more than 1,000 complaints about YouTube content this year and had forwarded them to the company.
""",
    ),
    ArticleRecord(
        slug="punjab-drops-plan-to-suspend-mobile-internet-during-ashura",
        title="Punjab drops plan to suspend mobile internet during Ashura",
        authors=("DRM",),
        published=datetime(2024, 7, 15, 19, 0, tzinfo=PKT),
        category="News", tags=("Internet Shutdown", "Muharram", "Punjab"),
        date_style="jsonld", post_id=24210,
        body="""
The Punjab government has withdrawn its request to suspend mobile internet in 12 districts during Ashura, and services will run normally across the province on the 9th and 10th of Muharram, the chief minister's office said on Monday.

The home department had asked the interior ministry last week to switch off mobile data along procession routes from 6am to 10pm on July 16 and 17. A statement issued after a meeting on Muharram security in Lahore said the police would instead rely on safe city cameras and additional deployments.

The statement said citizens should not bear the cost of the state's security arrangements and that the processions would be protected without switching off anyone's phone.

Digital rights groups welcomed the decision. "This shows that blanket suspensions are a choice, not a necessity," said Zainab Iqbal, a lawyer who has challenged past suspensions. She urged other provinces to follow Punjab's example.

The decision does not affect Sindh and Khyber Pakhtunkhwa, where provincial governments have said mobile services will be suspended along procession routes in several cities. A petition challenging the Sindh government's plans is pending before the Sindh High Court.

Ride-hailing drivers and delivery riders in Lahore said they were relieved. "Two days without data would have meant two days without income," said Usman Ghani, a food delivery rider in Gulberg.

The Punjab police said the security plan for Muharram had been finalised and that more than 30,000 officers would be deployed across the province.
""",
    ),
    ArticleRecord(
        slug="ten-months-on-x-remains-blocked-as-vpn-rules-tighten",
        title="Ten months on, X remains blocked as VPN rules tighten",
        authors=("DRM",),
        published=datetime(2024, 12, 18, 13, 0, tzinfo=PKT),
        category="News", tags=("X", "VPN", "PTA"),
        date_style="time", post_id=25990,
        body="""
Ten months after it was first blocked, X remains inaccessible in Pakistan without a VPN, and the government's new rules for registering VPNs have left many users worried that even that route could soon close.

The platform has been blocked nationwide since February 17. Officials have given different reasons at different times, from the platform's refusal to remove content to national security concerns, but no written order has been made public.

Users told DRM that VPN connections had become less reliable since November, when the PTA asked businesses and freelancers to register their VPNs. "Some days my VPN works, some days it does not. When it does not, X does not exist for me," said Faraz Qureshi, a university student in Peshawar.

The interior ministry said in a recent court filing that the block would stay in place until the platform agreed to address the government's concerns. It did not specify what those concerns were.

Journalists said the block had changed how news circulates. Reporters who once posted breaking updates on X now send them to WhatsApp channels, where they cannot be searched or easily verified.

"The conversation has not stopped. It has just moved to places that are harder to see," said Rabia Anwar, who tracks online speech for a digital rights coalition.

The Sindh High Court's order in May to restore access has not been implemented. DRM asked the PTA whether any review of the block was under way. The authority did not respond.
""",
    ),
]
