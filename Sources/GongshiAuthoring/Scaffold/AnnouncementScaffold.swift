import Foundation
import GongshiCore

extension NoticeScaffold {
    /// `gongshi new --kind announcement`: a 巡察公告 with one group to copy for each group, the deadline and the usual text.
    static func announcementText(title: String, org: String, date: CalendarDate) -> String {
        let start = date.adding(days: 1), end = date.adding(days: 50), until = date.adding(days: 45)
        return """
        ---
        title: "\(title.replacingOccurrences(of: "\"", with: "\\\""))"
        org: "\(org.replacingOccurrences(of: "\"", with: "\\\""))"   # 发布单位，通常是巡察工作领导小组办公室
        date: \(date.description)                  # 发布日期
        kind: announcement                # 巡察公告
        # time: "09:00"                   # 发布时间（可选，北京时间）
        # review:                         # 签发记录（内部信息，默认不在页面上显示）
        #   drafter: 拟稿人
        #   reviewer: 审核人
        #   approver: 签发人
        #   approved: \(date.description)
        inspection:
          round: 第一轮巡察               # 巡察轮次（用来关联各单位此后的反馈、整改通知，请与它们写法一致）
          start: \(start.description)              # 进驻日期
          end: \(end.description)                # 巡察结束日期
        groups:                           # 每个巡察组一项：复制下面一段，改写组名、被巡察单位和受理渠道
          - name: 第一巡察组
            targets: [被巡察单位一, 被巡察单位二]
            phone: ["010-12345678"]       # 值班电话，可写多个
            hours: 工作日 8:30—17:30      # 受理时间
            email: name@example.gov.cn
            mailbox: 某某区第1号邮政信箱
            postcode: "100000"
        lettersUntil: \(until.description)         # 受理来信来电的截止日期（当天仍受理）
        ---

        根据统一部署，各巡察组将于\(start.chinese)进驻被巡察单位，开展常规巡察。各巡察组的被巡察单位和联系方式见上表。

        巡察期间，巡察组主要受理反映被巡察单位党组织领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位领导干部问题的来信来电。其他不属于巡察受理范围的信访问题，将按规定转被巡察单位和有关部门处理。

        受理来信来电时间截止到\(until.chinese)。

        """
    }
}
