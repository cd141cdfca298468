"""Browser checks for scripts/check-site: axe-core, internal links, reader tools, JavaScript off, screenshots."""
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

BASE, SHOTS, AXE_JS = sys.argv[1], sys.argv[2], sys.argv[3]
AXE_SOURCE = open(AXE_JS, encoding="utf-8").read()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
failures = []


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def crawl():
    """Every page reachable from the index; every internal href/src must answer 200."""
    seen, queue, checked, pages = set(), [BASE], 0, []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            failures.append(f"链接失效：{url}（{error.code}）")
            continue
        checked += 1
        if kind != "text/html":
            continue
        pages.append(url)
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.found:
            target = urllib.parse.urljoin(url, link).split("#")[0]
            if target.startswith(BASE):
                queue.append(target)
            elif target.startswith("http://127.0.0.1"):
                failures.append(f"{url} 的链接 {link} 跑出了子路径")
    print(f"链接检查：{checked} 个地址，{len([f for f in failures if '链接' in f])} 个失效")
    return sorted(pages)


def browser(javascript=True, width=1366):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900",
                "--hide-scrollbars", "--lang=zh-CN"):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def page_types(pages):
    """One page of each kind, plus every notice."""
    kinds = {}
    for url in pages:
        path = url[len(BASE):]
        kind = path.split("/")[0] or "index"
        if "/page/" in path:
            kind += "-paged"
        if kind == "notices":
            kinds[path] = url
        else:
            kinds.setdefault(kind, url)
    kinds["search-results"] = BASE + "search/?q=" + urllib.parse.quote("校园安全")
    kinds["404"] = BASE + "404.html"
    return kinds


def run_axe(driver, kinds):
    total = 0
    for contrast in (False, True):
        if contrast:
            driver.get(BASE)
            driver.execute_script("localStorage.setItem('gongshi-contrast','on')")
        for kind, url in sorted(kinds.items()):
            driver.get(url)
            if kind == "search-results":
                WebDriverWait(driver, 10).until(lambda d: "正在搜索" not in d.find_element(By.ID, "search-results").text)
            driver.execute_script(AXE_SOURCE)
            driver.set_script_timeout(120)
            result = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                ".then(function (r) { done({violations: r.violations}); })"
                ".catch(function (e) { done({error: String(e)}); });", AXE_TAGS)
            if "error" in result:
                failures.append(f"axe 无法运行：{kind}: {result['error']}")
                continue
            for violation in result["violations"]:
                targets = [n["target"] for n in violation["nodes"]][:3]
                failures.append(f"axe{'（高对比度）' if contrast else ''} {kind}: {violation['id']} {violation['help']} {targets}")
            total += 1
        driver.execute_script("localStorage.clear()")
    print(f"axe-core：{total} 次页面检查（{len(kinds)} 种页面 × 普通/高对比度），"
          f"{len([f for f in failures if f.startswith('axe')])} 个违规")


def check_reader_tools(driver, notice_url):
    driver.get(BASE)
    tools = driver.find_element(By.CSS_SELECTOR, ".reader-tools")
    if not tools.is_displayed():
        failures.append("阅读工具在启用 JavaScript 时没有显示")
        return
    # Reach the 大 button with the keyboard alone and press it with Enter.
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(40):
        active = driver.switch_to.active_element
        if active.get_attribute("data-font") == "large":
            active.send_keys(Keys.ENTER)
            break
        active.send_keys(Keys.TAB)
    else:
        failures.append("键盘无法到达字号“大”按钮")
    driver.get(notice_url)
    if "font-large" not in (driver.find_element(By.TAG_NAME, "html").get_attribute("class") or ""):
        failures.append("字号设置没有在页面之间保持")
    pressed = driver.find_element(By.CSS_SELECTOR, "[data-font='large']").get_attribute("aria-pressed")
    if pressed != "true":
        failures.append("字号按钮的 aria-pressed 状态不对")
    driver.execute_script("localStorage.clear()")
    print("阅读工具：键盘可操作，字号跨页面保持")


def check_without_javascript(notice_url):
    driver = browser(javascript=False)
    try:
        driver.get(notice_url)
        if driver.find_element(By.CSS_SELECTOR, ".reader-tools").is_displayed():
            failures.append("关闭 JavaScript 时阅读工具不应显示（按钮无法使用）")
        if not driver.find_element(By.CSS_SELECTOR, ".progress, .notice-body").is_displayed():
            failures.append("关闭 JavaScript 时通知正文不可见")
        driver.get(BASE + "search/?q=test")
        if "archives/" not in driver.page_source or "JavaScript" not in driver.find_element(By.TAG_NAME, "main").text:
            failures.append("关闭 JavaScript 时搜索页没有给出归档入口")
    finally:
        driver.quit()
    print("关闭 JavaScript：页面可读，搜索页指向归档")


# Queries on the example site and the notices the real search.js must find (title or front matter or body).
SEARCHES = {
    "校园安全": ["notices/jiaogongwei-zhenggai-2026/", "notices/jiaogongwei-2025/", "notices/jiaogongwei-fankui-2025/",
                 "notices/shizhongxue-2024/"],
    # A unit named only in an announcement's groups.
    "区市场监督管理局党组": ["notices/xuncha-gonggao-2024/"],
    "药品采购": ["notices/weishengjian-2025/"],
    "区委第四巡察组": ["notices/dongfeng-jiedao-2023/"],
    "不存在的词语组合": [],
}


def check_search(driver):
    """Runs assets/search.js in the browser against the built index: the right notices, newest first."""
    for query, expected in SEARCHES.items():
        driver.get(BASE + "search/?q=" + urllib.parse.quote(query))
        # The results box is emptied and filled again by the script: read it with JavaScript, not element handles.
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(
            "return Array.from(document.querySelectorAll('#search-results .search-status'))"
            ".some(function (e) { return e.textContent.indexOf('正在搜索') < 0; });"))
        found = [href[len(BASE):] for href in driver.execute_script(
            "return Array.from(document.querySelectorAll('.search-result-title a')).map(function (a) { return a.href; });")]
        if found != expected:
            failures.append(f"搜索“{query}”找到 {found}，应为 {expected}")
    print(f"站内搜索：{len(SEARCHES)} 个查询由 search.js 在浏览器中执行，结果正确")


def screenshots(notice_url):
    targets = {"index": BASE, "notice": notice_url, "overview": BASE + "overview/",
               "search": BASE + "search/?q=" + urllib.parse.quote("校园安全")}
    for width in (390, 1366):
        driver = browser(width=width)
        try:
            for name, url in targets.items():
                driver.get(url)
                if name == "search":
                    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-result-snippet mark"))
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, min(max(height, 600), 6000))
                driver.save_screenshot(f"{SHOTS}/{name}-{width}.png")
                driver.set_window_size(width, 900)
        finally:
            driver.quit()
    print(f"截图：{SHOTS}/（首页、通知、整改进度总览、搜索结果 × 390 px 和 1366 px）")


pages = crawl()
kinds = page_types(pages)
notice = next(url for kind, url in sorted(kinds.items()) if kind.startswith("notices/"))
main_browser = browser()
try:
    run_axe(main_browser, kinds)
    check_search(main_browser)
    check_reader_tools(main_browser, notice)
finally:
    main_browser.quit()
check_without_javascript(notice)
screenshots(notice)

if failures:
    print(f"\n检查未通过：{len(failures)} 个问题")
    for failure in failures:
        print("  - " + failure)
    sys.exit(1)
print("\n全部检查通过")
