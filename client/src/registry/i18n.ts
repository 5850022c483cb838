/** Strings for an agency's level / national-critical change request and the CERT's review of it. */
export const classificationI18n = {
  vi: {
    pending: 'Chờ duyệt cấp độ',
    pendingLabel: 'Đề nghị đổi sang {{requested}}, đang chờ CERT duyệt',
    approve: 'Duyệt',
    decline: 'Từ chối',
    approveLabel: 'Duyệt đề nghị đổi cấp độ của {{name}}',
    declineLabel: 'Từ chối đề nghị đổi cấp độ của {{name}}',
    approved: 'Đã duyệt',
    declined: 'Đã từ chối',
  },
  en: {
    pending: 'Level change pending',
    pendingLabel: 'Requested change to {{requested}}, waiting for the CERT',
    approve: 'Approve',
    decline: 'Decline',
    approveLabel: 'Approve the level change requested for {{name}}',
    declineLabel: 'Decline the level change requested for {{name}}',
    approved: 'Approved',
    declined: 'Declined',
  },
};
