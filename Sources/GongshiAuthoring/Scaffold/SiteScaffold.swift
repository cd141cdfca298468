import GongshiCore
import GongshiContent
import GongshiRender
import Foundation

/// `gongshi init`: a new site folder with settings, one example notice and the default templates.
public enum SiteScaffold {
    public static let siteYAML = """
    # 网站设置。每个字段的说明见 docs/content-format.md；以 # 开头的行是说明，不起作用。

    # 网站名称（必填），显示在每页的页头。
    title: 示例单位党务公开·巡察整改

    # 一句话说明（可选），显示在网站名称下方。
    description: 巡察整改情况公示

    # 网站对外地址（建议填写，可含子路径，以 / 结尾），用于订阅源、站点地图和规范链接。
    baseURL: https://www.example.gov.cn/dwgk/xczg/

    # 通知没有写 column 时归入的栏目。
    defaultColumn: 巡察整改

    # 通知没有写 contact 时使用的监督反馈渠道。电话可写多个。
    contact:
      phone: ["010-55550100"]
      email: xczg@example.gov.cn
      address: 示例路1号示例大楼101室
      postcode: "100000"
      envelope: 巡察整改意见建议

    # 列表每页显示的通知数。
    pageSize: 20

    # 订阅源中的通知数。
    feedSize: 20

    # 是否允许正文中的原始 HTML。为安全起见请保持 false。
    allowRawHTML: false

    # 页脚中的网站标识（每项都可删去，删去的不显示）。
    footer:
      sponsor: 示例单位办公室          # 主办单位
      organizer: 示例单位信息中心      # 承办单位
      contact: 010-55550100           # 联系方式
      siteCode: "1100000000"          # 网站标识码
      icp: 京ICP备00000000号           # ICP 备案号
      police: 京公网安备 11000002000000号   # 公安备案号

    """

    /// Every file `init` writes, path relative to the new site folder.
    public static func files(today: CalendarDate) -> [(path: String, text: String)] {
        var files: [(String, String)] = [("content/site.yaml", siteYAML)]
        let example = NoticeScaffold.text(title: "示例单位党委关于巡察整改进展情况的通报", org: "示例单位党委", date: today, example: true)
        files.append(("content/notices/shili-\(today.description).md", example))
        files += TemplateSet.builtinFiles.map { ("templates/\($0.path)", $0.text) }
        return files
    }

    /// Creates the site at `folder`. Refuses a folder that is not empty, and never overwrites a file, unless `force`.
    /// Returns the paths written.
    @discardableResult
    public static func create(at folder: URL, today: CalendarDate, force: Bool = false) throws -> [String] {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: folder.path), !existing.filter({ !$0.hasPrefix(".") }).isEmpty, !force {
            throw ScaffoldError("文件夹 \(folder.path) 不是空的，没有创建网站", hint: "换一个新文件夹，或加 --force（会覆盖同名文件）")
        }
        let files = files(today: today)
        if !force, let clash = files.first(where: { fm.fileExists(atPath: folder.appendingPathComponent($0.path).path) }) {
            throw ScaffoldError("文件 \(clash.path) 已存在，没有覆盖", hint: "加 --force 才会覆盖")
        }
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        return files.map(\.path)
    }
}
