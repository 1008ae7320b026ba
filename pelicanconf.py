"""Site settings of the sample catalog (清河县). A county copies this file and
changes the names; the Pelican plumbing comes from the defaults module, and
every gongkai setting with its default is listed in the README's settings table."""

from catalog_model.pelican_defaults import *  # noqa: F403

SITENAME = "清河县人民政府信息公开"
SITE_OWNER = "清河县人民政府"  # 《政府网站发展指引》 SiteName
# The public address of the site, for the Url <meta> tag; pages themselves
# only ever use relative links (mirrors, sub-paths, file://).
CATALOG_SITE_URL = "https://www.qinghe.gov.cn/xxgk"

# Site identity in every page's footer and <head> (《政府网站发展指引》); the sample's are fictitious.
CATALOG_SPONSOR = "清河县人民政府办公室"  # 主办单位
CATALOG_SITE_ID = "1305340001"  # 网站标识码, also <meta name="SiteIDCode">
CATALOG_ICP = "冀ICP备00000000号"  # ICP 备案号, links to CATALOG_ICP_URL
CATALOG_PSB = "冀公网安备13053402000000号"  # 公安机关备案号, links to CATALOG_PSB_URL
CATALOG_CONTACT = "电话 0319-8123456；地址 清河县城关镇人民路1号"  # 联系我们
