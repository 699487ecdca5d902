// SPDX-License-Identifier: Apache-2.0
#include "sw/shm/ns_message.h"

#include <algorithm>

#include "sw/shm/le_bytes.h"

namespace sim::sw::shm {

NsMessageBytes encode_ns_message(const NsMessage& msg, std::uint8_t pad) {
  NsMessageBytes out{};
  std::fill_n(out.begin() + kRpmsgNsName, kRpmsgNameSize, pad);
  std::size_t n = std::min<std::size_t>(msg.name.size(), kRpmsgNameSize - 1);
  std::copy_n(msg.name.begin(), n, out.begin() + kRpmsgNsName);
  out[kRpmsgNsName + n] = 0;
  store_le32(&out[kRpmsgNsAddr], msg.addr);
  store_le32(&out[kRpmsgNsFlags], msg.flags);
  return out;
}

NsMessage decode_ns_message(const std::uint8_t* bytes) {
  NsMessage msg;
  const std::uint8_t* name = bytes + kRpmsgNsName;
  const std::uint8_t* end = std::find(name, name + kRpmsgNameSize - 1, std::uint8_t{0});
  msg.name.assign(name, end);
  msg.addr = load_le32(bytes + kRpmsgNsAddr);
  msg.flags = load_le32(bytes + kRpmsgNsFlags);
  return msg;
}

void write_ns_message(hal::Hal& hal, hal::Addr addr, const NsMessage& msg) {
  NsMessageBytes raw = encode_ns_message(msg);
  hal.write(addr, raw.data(), raw.size());
}

NsMessage read_ns_message(hal::Hal& hal, hal::Addr addr) {
  NsMessageBytes raw;
  hal.read(addr, raw.data(), raw.size());
  return decode_ns_message(raw.data());
}

} // namespace sim::sw::shm
