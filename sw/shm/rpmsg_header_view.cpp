// SPDX-License-Identifier: Apache-2.0
#include "sw/shm/rpmsg_header_view.h"

#include "sw/shm/le_bytes.h"

namespace sim::sw::shm {

void encode_rpmsg_header(const RpmsgHeader& h, std::uint8_t* out) {
  store_le32(out + kRpmsgHdrSrc, h.src);
  store_le32(out + kRpmsgHdrDst, h.dst);
  store_le32(out + kRpmsgHdrReserved, h.reserved);
  store_le16(out + kRpmsgHdrLen, h.len);
  store_le16(out + kRpmsgHdrFlags, h.flags);
}

RpmsgHeader decode_rpmsg_header(const std::uint8_t* in) {
  RpmsgHeader h;
  h.src = load_le32(in + kRpmsgHdrSrc);
  h.dst = load_le32(in + kRpmsgHdrDst);
  h.reserved = load_le32(in + kRpmsgHdrReserved);
  h.len = load_le16(in + kRpmsgHdrLen);
  h.flags = load_le16(in + kRpmsgHdrFlags);
  return h;
}

RpmsgHeader RpmsgHeaderView::read() const {
  std::uint8_t raw[kRpmsgHdrSize];
  hal_->read(buffer_, raw, sizeof raw);
  return decode_rpmsg_header(raw);
}

void RpmsgHeaderView::write(const RpmsgHeader& header) {
  std::uint8_t raw[kRpmsgHdrSize];
  encode_rpmsg_header(header, raw);
  hal_->write(buffer_, raw, sizeof raw);
}

} // namespace sim::sw::shm
