// SPDX-License-Identifier: Apache-2.0
// rpmsg header and name-service message bytes (rpmsg-protocol.md §3.1).
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "sw/shm/ns_message.h"
#include "sw/shm/rpmsg_header_view.h"
#include "tests/support/fake_hal.h"
#include "tests/sw/shm/access_matchers.h"

namespace sim::sw::shm {
namespace {

using test::expect_single_access;
using test::FakeHal;
using Kind = FakeHal::AccessKind;

constexpr hal::Addr kBuf = 0x200ca000 + 5 * kRpmsgBufSize;

// Linux TX "hello world!" from 0x400 to 0x400, as dumped on a real system
// (openamp-system-reference issue #56).
const std::vector<std::uint8_t> kHelloDump = {
    0x00, 0x04, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x00,
    0x00, 0x00, 'h',  'e',  'l',  'l',  'o',  ' ',  'w',  'o',  'r',  'l',  'd',  '!'};

TEST(RpmsgHeader, EncodesTheRealSystemDump) {
  std::uint8_t raw[kRpmsgHdrSize];
  encode_rpmsg_header({0x400, 0x400, 0, 12, 0}, raw);
  EXPECT_EQ(std::vector<std::uint8_t>(raw, raw + 16),
            std::vector<std::uint8_t>(kHelloDump.begin(), kHelloDump.begin() + 16));
  RpmsgHeader h = decode_rpmsg_header(kHelloDump.data());
  EXPECT_EQ(h.src, 0x400u);
  EXPECT_EQ(h.dst, 0x400u);
  EXPECT_EQ(h.len, 12u);
  EXPECT_EQ(h.flags, 0u);
}

TEST(RpmsgHeaderView, FieldWritesAndPayloadProduceTheDump) {
  FakeHal hal;
  RpmsgHeaderView view(hal, kBuf);
  view.set_src(0x400);
  expect_single_access(hal, kBuf + 0, 4, Kind::kWrite);
  view.set_dst(0x400);
  view.set_reserved(0);
  view.set_len(12);
  hal.clear_accesses();
  view.set_flags(0);
  expect_single_access(hal, kBuf + 14, 2, Kind::kWrite);
  view.write_payload("hello world!", 12);
  expect_single_access(hal, kBuf + 16, 12, Kind::kBlockWrite);
  EXPECT_EQ(hal.peek(kBuf, kHelloDump.size()), kHelloDump);
  EXPECT_EQ(view.len(), 12u);
  expect_single_access(hal, kBuf + 12, 2, Kind::kRead);
}

TEST(RpmsgHeaderView, WholeHeaderIsOneBlockTransfer) {
  FakeHal hal;
  hal.poke_bytes(kBuf, kHelloDump);
  RpmsgHeaderView view(hal, kBuf);
  RpmsgHeader h = view.read();
  expect_single_access(hal, kBuf, 16, Kind::kBlockRead);
  EXPECT_EQ(h.len, 12u);
  char payload[12];
  view.read_payload(payload, sizeof payload);
  EXPECT_EQ(std::memcmp(payload, "hello world!", 12), 0);
  hal.clear_accesses();
  h.src = 0x401;
  view.write(h);
  expect_single_access(hal, kBuf, 16, Kind::kBlockWrite);
  EXPECT_EQ(hal.peek(kBuf, 2), (std::vector<std::uint8_t>{0x01, 0x04}));
}

TEST(NsMessage, EncodesFortyBytesWithNameAddrFlags) {
  NsMessageBytes b = encode_ns_message({"rpmsg-client-sample", 0x401, kRpmsgNsCreate});
  EXPECT_EQ(b.size(), 40u);
  EXPECT_EQ(std::memcmp(b.data(), "rpmsg-client-sample", 20), 0); // including the NUL
  EXPECT_EQ(b[31], 0);
  EXPECT_EQ(b[32], 0x01);
  EXPECT_EQ(b[33], 0x04);
  EXPECT_EQ(b[36], 0);
}

TEST(NsMessage, RoundTripIgnoresGarbageAfterTheNul) {
  NsMessage in{"rpmsg-tty", 0x402, kRpmsgNsDestroy};
  NsMessageBytes b = encode_ns_message(in, 0xA5);
  EXPECT_EQ(b[9], 0);
  EXPECT_EQ(b[10], 0xA5); // stack garbage, as in the real dump
  NsMessage out = decode_ns_message(b.data());
  EXPECT_EQ(out.name, "rpmsg-tty");
  EXPECT_EQ(out.addr, 0x402u);
  EXPECT_EQ(out.flags, kRpmsgNsDestroy);
}

TEST(NsMessage, NamesAreCutTo31CharactersBothWays) {
  std::string longname(40, 'n');
  NsMessageBytes b = encode_ns_message({longname, 1, 0});
  EXPECT_EQ(b[30], 'n');
  EXPECT_EQ(b[31], 0);
  std::memset(b.data(), 'm', 32); // a sender that did not terminate
  EXPECT_EQ(decode_ns_message(b.data()).name, std::string(31, 'm'));
}

TEST(NsMessage, HalHelpersAreSingleBlockTransfers) {
  FakeHal hal;
  write_ns_message(hal, kBuf + kRpmsgPayload, {"rpmsg-client-sample", 0x401, 0});
  expect_single_access(hal, kBuf + 16, 40, Kind::kBlockWrite);
  NsMessage m = read_ns_message(hal, kBuf + kRpmsgPayload);
  expect_single_access(hal, kBuf + 16, 40, Kind::kBlockRead);
  EXPECT_EQ(m.name, "rpmsg-client-sample");
  EXPECT_EQ(m.addr, 0x401u);
}

} // namespace
} // namespace sim::sw::shm
