// Each view's fields for the templates, in declaration order (see TemplateFields.swift). A test checks every list
// against the view's stored properties and its Encodable encoding: a property added to a view goes here too.

extension SiteView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "description": description, "nav": nav.templateContext, "footer": footer?.templateContext,
         "meta": meta.templateContext, "badge": badge?.templateContext]
    }
}

extension BadgeView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["image": image, "link": link]
    }
}

extension NavItem: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "url": url, "current": current]
    }
}

extension FooterView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["sponsor": sponsor, "organizer": organizer, "contact": contact, "siteCode": siteCode, "icp": icp,
         "police": police, "policeRecord": policeRecord]
    }
}

extension LinkView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "url": url]
    }
}

extension PageView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["site": site.templateContext, "root": root, "pageTitle": pageTitle, "documentTitle": documentTitle,
         "canonical": canonical, "meta": meta.templateContext, "errorReportURL": errorReportURL,
         "notice": notice?.templateContext, "list": list?.templateContext, "archives": archives?.templateContext,
         "overview": overview?.templateContext, "withdrawn": withdrawn?.templateContext,
         "inspectionPage": inspectionPage?.templateContext, "round": round?.templateContext,
         "catalogue": catalogue?.templateContext, "breadcrumb": breadcrumb.templateContext]
    }
}

extension NoticeSummaryView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "org": org, "date": date, "dateISO": dateISO, "column": column, "summary": summary,
         "url": url, "percent": percent, "hasProgress": hasProgress]
    }
}

extension PageLinkView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["number": number, "url": url, "current": current]
    }
}

extension PaginationView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["current": current, "total": total, "previousURL": previousURL, "nextURL": nextURL,
         "pages": pages.templateContext]
    }
}

extension ListView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["heading": heading, "description": description, "notices": notices.templateContext,
         "pagination": pagination?.templateContext, "openAnnouncements": openAnnouncements.templateContext]
    }
}

extension GroupLinkView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "url": url, "count": count]
    }
}

extension ArchivesView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["years": years.templateContext, "orgs": orgs.templateContext, "columns": columns.templateContext,
         "rounds": rounds.templateContext, "hasRounds": hasRounds]
    }
}

extension OverviewRowView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "url": url, "org": org, "date": date, "total": total, "done": done, "partial": partial,
         "ongoing": ongoing, "notStarted": notStarted, "overdue": overdue, "percent": percent,
         "superseded": superseded]
    }
}

extension OverviewRowView: FlatRow {
    public func forEachValue(_ body: (FlatValue?) -> Void) {
        body(.text(title)); body(.text(url)); body(.text(org)); body(.text(date))
        body(.number(total)); body(.number(done)); body(.number(partial)); body(.number(ongoing))
        body(.number(notStarted)); body(.number(overdue)); body(.number(percent))
        body(.flag(superseded))
    }
}

extension OverviewView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["rows": rows.templateContext, "hasRows": hasRows, "total": total, "done": done, "partial": partial,
         "ongoing": ongoing, "notStarted": notStarted, "overdue": overdue, "percent": percent,
         "noticesWithoutProgress": noticesWithoutProgress, "chartSVG": chartSVG, "chartNote": chartNote,
         "rounds": rounds.templateContext, "hasRounds": hasRounds]
    }
}

extension CatalogueRowView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["indexNumber": indexNumber, "title": title, "url": url, "publisher": publisher, "writtenDate": writtenDate,
         "writtenDateISO": writtenDateISO, "date": date, "dateISO": dateISO, "documentNumber": documentNumber]
    }
}

extension CatalogueView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["heading": heading, "rows": rows.templateContext, "years": years.templateContext,
         "pagination": pagination?.templateContext]
    }
}

extension MetaTagView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "content": content]
    }
}

extension FeedEntryView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "url": url, "updated": updated, "published": published, "org": org, "summary": summary]
    }
}

extension FeedView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "base": base, "updated": updated, "entries": entries.templateContext]
    }
}

extension SitemapURLView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["location": location, "lastModified": lastModified]
    }
}

extension SitemapURLView: FlatRow {
    public func forEachValue(_ body: (FlatValue?) -> Void) {
        body(.text(location))
        body(lastModified.map(FlatValue.text))
    }
}

extension SitemapView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["urls": urls.templateContext]
    }
}

extension RobotsView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["sitemap": sitemap]
    }
}
