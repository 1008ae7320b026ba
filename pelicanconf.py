"""Site settings of the sample catalog (清河县). A county copies this file and
changes the names; the Pelican plumbing comes from the defaults module, and
every gongkai setting with its default is listed in the README's settings table."""

from catalog_model.pelican_defaults import *  # noqa: F403

SITENAME = "清河县人民政府信息公开"
SITE_OWNER = "清河县人民政府"  # 《政府网站发展指引》 SiteName
# The public address of the site, for the Url <meta> tag; pages themselves
# only ever use relative links (mirrors, sub-paths, file://).
CATALOG_SITE_URL = "https://www.qinghe.gov.cn/xxgk"
