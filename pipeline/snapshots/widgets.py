"""Boilerplate widgets shared by the snapshot templates: menus, modals, share
bars, newsletter boxes, comment forms, teaser lists. Each returns HTML; the
constant visible strings are exported so gold data can forbid them."""

from __future__ import annotations

import json
from typing import Callable, Sequence

from .base import ArticleRecord, esc, iso, long_date

# visible strings that must never leak into extracted article text
LOGIN_TITLE = "Welcome Back!"
LOGIN_SUB = "Sign in to your account"
LOST_PASSWORD = "Lost your password?"
RETRIEVE_PASSWORD = "Retrieve your password"
RESET_HINT = "Please enter your username or email address to reset your password."
NEWSLETTER_TITLE = "Always Stay Up to Date"
NEWSLETTER_TEXT = "Subscribe to our newsletter to get our newest articles instantly!"
SHARE_FB = "Share on Facebook"
SHARE_TW = "Share on Twitter"
SHARE_WA = "Share on WhatsApp"
COPY_LINK = "Copy Link"
LEAVE_REPLY = "Leave a Reply"
EMAIL_NOTICE = "Your email address will not be published."
REQUIRED_NOTICE = "Required fields are marked *"

COMMON_FORBIDDEN = [LOGIN_TITLE, LOGIN_SUB, "Subscribe to our newsletter", NEWSLETTER_TEXT, SHARE_FB,
                    SHARE_TW, COPY_LINK, LEAVE_REPLY, EMAIL_NOTICE]

Menu = Sequence[tuple[str, str, "Menu"]]  # (label, path, children)


def menu(items: Menu, base: str, cls: str = "menu", depth: int = 0) -> str:
    out = [f'<ul class="{cls}">' if depth == 0 else '<ul class="sub-menu">']
    for label, path, children in items:
        has = " menu-item-has-children" if children else ""
        out.append(f'<li class="menu-item{has}"><a href="{base}{path}">{esc(label)}</a>')
        if children:
            out.append(menu(children, base, cls, depth + 1))
        out.append("</li>")
    out.append("</ul>")
    return "".join(out)


def login_modal(base: str, *, style: str = "wp") -> str:
    sub = LOGIN_SUB if style == "wp" else "Login to your account below"
    return f"""
<div class="login-modal modal" id="login-modal" aria-hidden="true" style="display:none">
 <div class="modal-inner">
  <h3 class="modal-title">{LOGIN_TITLE}</h3>
  <p class="modal-sub">{sub}</p>
  <form name="loginform" action="{base}/login/" method="post">
   <p><label for="user_login">Username or Email Address</label><input type="text" name="log" id="user_login"></p>
   <p><label for="user_pass">Password</label><input type="password" name="pwd" id="user_pass"></p>
   <p><label><input name="rememberme" type="checkbox" value="forever"> Remember Me</label></p>
   <p><input type="submit" value="Log In"></p>
  </form>
  <a class="lost-pass" href="#lost-password">{LOST_PASSWORD}</a>
 </div>
</div>
<div class="lost-password-modal modal" id="lost-password" aria-hidden="true" style="display:none">
 <h3 class="modal-title">{RETRIEVE_PASSWORD}</h3>
 <p>{RESET_HINT}</p>
 <form action="{base}/login/?action=lostpassword" method="post"><input type="text" name="user_login"><input type="submit" value="Reset Password"></form>
</div>"""


def newsletter_box(label: str) -> str:
    return f"""
<div class="newsletter-box widget">
 <div class="newsletter-brand">{esc(label)}</div>
 <h4>{NEWSLETTER_TITLE}</h4>
 <p>{NEWSLETTER_TEXT}</p>
 <form class="newsletter-form" action="#" method="post"><input type="email" name="EMAIL" placeholder="Your email address"><button type="submit">Subscribe</button></form>
 <p class="newsletter-terms">By signing up, you agree to our Terms of Use and acknowledge the data practices in our Privacy Policy. You may unsubscribe at any time.</p>
</div>"""


def share_bar(url: str, title: str, *, full: bool = True) -> str:
    from urllib.parse import quote
    u, t = quote(url, safe=""), quote(title, safe="")
    links = [
        f'<a class="share-facebook" href="https://www.facebook.com/sharer.php?u={u}" rel="nofollow">{SHARE_FB}</a>',
        f'<a class="share-twitter" href="https://twitter.com/intent/tweet?text={t}&amp;url={u}" rel="nofollow">{SHARE_TW}</a>',
    ]
    if full:
        links += [
            f'<a class="share-whatsapp" href="https://api.whatsapp.com/send?text={t}%20{u}" rel="nofollow">{SHARE_WA}</a>',
            f'<a class="share-linkedin" href="https://www.linkedin.com/shareArticle?url={u}" rel="nofollow">LinkedIn</a>',
            f'<a class="share-email" href="mailto:?subject={t}&amp;body={u}">Email</a>',
            f'<a class="copy-link" href="#" data-copied="Link copied">{COPY_LINK}</a>',
            '<a class="share-print" href="#" onclick="window.print()">Print</a>',
        ]
    return '<div class="share-bar social-share"><span class="share-title">Share</span>' + "".join(links) + "</div>"


def comment_form(url: str, post_id: int) -> str:
    return f"""
<div id="comments" class="comments-area">
 <div id="respond" class="comment-respond">
  <h3 id="reply-title" class="comment-reply-title">{LEAVE_REPLY} <small><a rel="nofollow" id="cancel-comment-reply-link" href="{url}#respond" style="display:none;">Cancel reply</a></small></h3>
  <form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
   <p class="comment-notes"><span id="email-notes">{EMAIL_NOTICE}</span> <span class="required-field-message">{REQUIRED_NOTICE}</span></p>
   <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
   <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label><input id="author" name="author" type="text" required></p>
   <p class="comment-form-email"><label for="email">Email <span class="required">*</span></label><input id="email" name="email" type="email" required></p>
   <p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
   <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"><input type="hidden" name="comment_post_ID" value="{post_id}"></p>
  </form>
 </div>
</div>"""


def teaser_list(heading: str, items: Sequence[ArticleRecord], url_for: Callable[[ArticleRecord], str], *,
                cls: str = "recent-posts", show_date: bool = True, show_excerpt: bool = False,
                show_category: bool = False, image: bool = True) -> str:
    out = [f'<section class="{cls} widget"><h4 class="widget-title">{esc(heading)}</h4><ul>']
    for r in items:
        parts = ["<li>"]
        if image:
            parts.append(f'<a class="thumb" href="{url_for(r)}"><img src="/wp-content/uploads/thumbs/{r.slug[:40]}.jpg" alt="{esc(r.title)}" width="150" height="100"></a>')
        if show_category:
            parts.append(f'<span class="post-cat">{esc(r.category)}</span>')
        parts.append(f'<h5 class="post-title"><a href="{url_for(r)}">{esc(r.title)}</a></h5>')
        if show_excerpt:
            parts.append(f'<p class="post-excerpt">{esc(r.summary[:110])}&hellip;</p>')
        if show_date:
            parts.append(f'<span class="post-date"><time datetime="{iso(r.published)}">{long_date(r.published)}</time></span>')
        parts.append("</li>")
        out.append("".join(parts))
    out.append("</ul></section>")
    return "".join(out)


def breadcrumbs(items: Sequence[tuple[str, str | None]], sep: str = "&gt;") -> str:
    parts = []
    for label, href in items:
        parts.append(f'<a href="{href}">{esc(label)}</a>' if href else f"<span>{esc(label)}</span>")
    return f'<nav class="breadcrumbs" aria-label="breadcrumbs">{f" <span class=sep>{sep}</span> ".join(parts)}</nav>'


def json_ld(data: dict) -> str:
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>"
