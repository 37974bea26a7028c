package cn.cvp.console.web;

import java.util.HashMap;
import java.util.Map;

/** Chinese and English names of the services' states and codes, as people in a programme office say them. */
final class Labels {
    private static final Map<String, String[]> L = new HashMap<>();

    private static void put(String code, String zh, String en) {
        L.put(code, new String[]{zh, en});
    }

    static {
        // applications
        put("DRAFT", "草稿", "Draft");
        put("SUBMITTED", "已提交", "Submitted");
        put("UNDER_REVIEW", "审核中", "Under review");
        put("APPROVED", "待复核（第二审批人）", "Awaiting second approver");
        put("ISSUED", "已发券", "Issued");
        put("RETURNED", "退回修改", "Returned for revision");
        put("REJECTED", "已驳回", "Rejected");
        put("WITHDRAWN", "已撤回", "Withdrawn");
        put("LAPSED", "已失效", "Lapsed");
        // vouchers
        put("ACTIVE", "有效", "Active");
        put("FROZEN", "已冻结", "Frozen");
        put("REVOKED", "已撤销", "Revoked");
        put("EXPIRED", "已过期", "Expired");
        put("EXHAUSTED", "已用尽", "Exhausted");
        // providers
        put("REGISTERED", "已登记", "Registered");
        put("SELF_ASSESSED", "已自评", "Self-assessed");
        put("VERIFYING", "平台核验中", "Verifying");
        put("PUBLIC_NOTICE", "公示中", "On public notice");
        put("SUSPENDED", "已暂停", "Suspended");
        put("REMOVED", "已移除", "Removed");
        put("EXITED", "已退出", "Exited");
        // offerings
        put("PUBLISHED", "已发布", "Published");
        // allocations
        put("PROPOSED", "拟分配", "Proposed");
        put("HELD", "已冻结补贴", "Held");
        put("COMPLETED", "已完成", "Completed");
        put("CANCELLED", "已取消", "Cancelled");
        put("WAITLISTED", "排队中", "Waitlisted");
        // usage
        put("RECEIVED", "已接收", "Received");
        put("ACCEPTED", "已接受", "Accepted");
        put("ACCEPTED_FOR_PROCESSING", "已接收待核验", "Accepted for processing");
        put("DUPLICATE", "重复", "Duplicate");
        // settlement
        put("OPEN", "待提交", "Open");
        put("PAID", "已支付", "Paid");
        // programmes (Ui.programmeStatus)
        put("PROGRAMME_DRAFT", "筹备中", "Draft");
        put("PROGRAMME_OPEN", "受理中", "Open");
        put("PROGRAMME_CLOSED", "已关闭", "Closed");
        put("PROGRAMME_ARCHIVED", "已归档", "Archived");
        put("CLOSED", "已关闭", "Closed");
        put("ARCHIVED", "已归档", "Archived");
        // ledger
        put("ISSUE", "发券", "Issue");
        put("HOLD", "冻结", "Hold");
        put("CAPTURE", "扣减", "Capture");
        put("RELEASE", "释放", "Release");
        put("EXPIRY", "过期", "Expiry");
        put("REVOCATION", "撤销", "Revocation");
    }

    private Labels() {
    }

    static String of(Object code, boolean english) {
        if (code == null) {
            return "—";
        }
        String[] l = L.get(code.toString());
        return l == null ? code.toString() : l[english ? 1 : 0];
    }
}
