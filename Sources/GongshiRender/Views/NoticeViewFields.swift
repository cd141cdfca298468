// Each view's fields for the templates, in declaration order (see TemplateFields.swift). A test checks every list
// against the view's stored properties and its Encodable encoding: a property added to a view goes here too.

extension InspectionView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["round": round, "group": group, "target": target, "dates": dates, "feedback": feedback,
         "feedbackISO": feedbackISO, "allNoticesURL": allNoticesURL]
    }
}

extension ProblemView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["number": number, "title": title, "category": category, "status": status, "statusLabel": statusLabel,
         "owner": owner, "due": due, "overdue": overdue]
    }
}

extension ProgressView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["total": total, "done": done, "partial": partial, "ongoing": ongoing, "notStarted": notStarted,
         "overdue": overdue, "unaccounted": unaccounted, "percent": percent, "problems": problems.templateContext,
         "hasProblems": hasProblems, "hasCategories": hasCategories, "hasOwners": hasOwners, "hasDue": hasDue,
         "summary": summary]
    }
}

extension PhoneView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["number": number, "tel": tel]
    }
}

extension ContactView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["phones": phones.templateContext, "hasPhones": hasPhones, "email": email, "mailto": mailto,
         "address": address, "postcode": postcode, "envelope": envelope]
    }
}

extension SignatureView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["org": org, "date": date]
    }
}

extension NoticeView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "org": org, "date": date, "dateISO": dateISO, "column": column, "summary": summary,
         "documentNumber": documentNumber, "url": url, "inspection": inspection?.templateContext,
         "progress": progress?.templateContext, "contact": contact?.templateContext,
         "signature": signature.templateContext, "bodyHTML": bodyHTML, "older": older?.templateContext,
         "newer": newer?.templateContext, "hasNeighbours": hasNeighbours, "banner": banner?.templateContext,
         "period": period?.templateContext, "corrections": corrections.templateContext,
         "hasCorrections": hasCorrections, "review": review?.templateContext, "kindLabel": kindLabel,
         "announcement": announcement?.templateContext, "disclosure": disclosure?.templateContext]
    }
}

extension DisclosureView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["indexNumber": indexNumber, "publisher": publisher, "writtenDate": writtenDate,
         "writtenDateISO": writtenDateISO, "documentNumber": documentNumber, "date": date, "dateISO": dateISO,
         "topic": topic, "mode": mode, "scope": scope]
    }
}

extension PeriodView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["start": start, "startISO": startISO, "end": end, "endISO": endISO, "ended": ended]
    }
}

extension CorrectionView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["date": date, "dateISO": dateISO, "note": note]
    }
}

extension ReviewView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["drafter": drafter, "reviewer": reviewer, "approver": approver, "approved": approved]
    }
}

extension PreviewBannerView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["draft": draft, "scheduled": scheduled, "publishAt": publishAt]
    }
}

extension WithdrawnView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "org": org, "published": published, "publishedISO": publishedISO, "date": date,
         "dateISO": dateISO, "reason": reason]
    }
}

extension GroupView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "targets": targets, "phones": phones.templateContext, "hasPhones": hasPhones, "hours": hours,
         "email": email, "mailto": mailto, "mailbox": mailbox, "address": address, "postcode": postcode]
    }
}

extension AnnouncementView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["groups": groups.templateContext, "hasGroups": hasGroups, "lettersUntil": lettersUntil,
         "lettersUntilISO": lettersUntilISO, "accepting": accepting, "closed": closed, "headingID": headingID]
    }
}

extension OpenAnnouncementView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "url": url, "date": date, "dateISO": dateISO, "announcement": announcement.templateContext]
    }
}

extension TimelineEntryView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "url": url, "date": date, "dateISO": dateISO, "kindLabel": kindLabel, "percent": percent,
         "hasPercent": hasPercent, "change": change]
    }
}

extension ProblemHistoryView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "statuses": statuses.templateContext]
    }
}

extension HistoryCellView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["label": label, "status": status]
    }
}

extension InspectionPageView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["heading": heading, "round": round, "roundURL": roundURL, "group": group, "target": target,
         "feedback": feedback, "feedbackISO": feedbackISO, "timeline": timeline.templateContext,
         "latestPercent": latestPercent, "latestSummary": latestSummary, "historyColumns": historyColumns as [Any],
         "history": history.templateContext, "hasHistory": hasHistory]
    }
}

extension RoundUnitView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["target": target, "group": group, "url": url, "stage": stage, "feedback": feedback,
         "feedbackISO": feedbackISO, "firstRectification": firstRectification,
         "firstRectificationISO": firstRectificationISO, "days": days, "publishedLate": publishedLate,
         "percent": percent, "hasPercent": hasPercent, "late": late, "deadline": deadline]
    }
}

extension RoundView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "units": units.templateContext, "publishWithinDays": publishWithinDays,
         "lateCount": lateCount, "hasLate": hasLate]
    }
}

extension RoundLinkView: TemplateFields {
    public var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "url": url, "units": units]
    }
}
