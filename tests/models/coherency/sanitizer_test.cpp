// SPDX-License-Identifier: Apache-2.0
// The coherency sanitizer on a hand-built two-cache system: each kind of violation is caught at
// the access that exposes it, named and explained; correct maintenance (including ranges that
// start or end inside a line) yields no finding.
#include <gtest/gtest.h>

#include "tests/models/coherency/sanitizer_rig.h"

namespace sim::test {
namespace {

using models::coherency::Finding;
using models::coherency::Kind;
using Op = SanitizerRig::Op;

const Finding& only_finding(const SanitizerRig& rig) {
  static const Finding kNone{};
  EXPECT_EQ(rig.san.findings().size(), 1u);
  return rig.san.findings().empty() ? kNone : rig.san.findings().front();
}

// ---- stale_read ---------------------------------------------------------------------------------

TEST(CoherencySanitizer, StaleReadWhenTheReaderKeepsAnOldCopy) {
  SanitizerRig rig;
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 0); // the remote caches the line
  rig.nc_write16(kAvailIdx, 1);               // Linux publishes a new index
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 0); // and the remote still sees 0
  const Finding& f = only_finding(rig);
  EXPECT_EQ(f.kind, Kind::kStaleRead);
  EXPECT_EQ(f.symbol, "vring1.avail.idx");
  EXPECT_EQ(f.address, kAvailIdx);
  EXPECT_EQ(f.size, 2u);
  EXPECT_EQ(f.reader.cluster, "remote");
  EXPECT_EQ(f.reader.thread, "rpmsg_rx");
  EXPECT_EQ(f.reader.value, "0x0000");
  EXPECT_EQ(f.writer.cluster, "master");
  EXPECT_EQ(f.writer.thread, "kworker");
  EXPECT_EQ(f.writer.value, "0x0001");
  EXPECT_NE(f.hint.find("missing invalidate before read"), std::string::npos) << f.hint;
  EXPECT_NE(f.line_state.find("clean byte"), std::string::npos) << f.line_state;
}

TEST(CoherencySanitizer, NoFindingWhenTheReaderInvalidatesBeforeEachRead) {
  SanitizerRig rig;
  rig.remote_maintain(Op::kInvalidate, kAvailIdx, 2, "rx_avail_idx_invalidate");
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 0);
  rig.nc_write16(kAvailIdx, 1);
  rig.remote_maintain(Op::kInvalidate, kAvailIdx, 2, "rx_avail_idx_invalidate");
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 1);
  EXPECT_TRUE(rig.san.findings().empty());
}

TEST(CoherencySanitizer, StaleReadHintNamesTheSiteAFaultSkipped) {
  SanitizerRig rig;
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 0);
  rig.nc_write16(kAvailIdx, 1);
  rig.remote_maintain(Op::kInvalidate, kAvailIdx, 2, "rx_avail_idx_invalidate", true);
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 0);
  const Finding& f = only_finding(rig);
  EXPECT_NE(f.hint.find("site rx_avail_idx_invalidate would have"), std::string::npos) << f.hint;
  EXPECT_NE(f.line_state.find("skipped by a fault"), std::string::npos) << f.line_state;
}

TEST(CoherencySanitizer, BytesOfADifferentFieldInTheSameLineAreNotStale) {
  SanitizerRig rig;
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 0);
  rig.nc_write16(kAvailIdx + 2, 7); // avail.ring[0], same line, not read again
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 0);
  EXPECT_TRUE(rig.san.findings().empty());
}

// ---- unpublished_read ---------------------------------------------------------------------------

TEST(CoherencySanitizer, UnpublishedReadWhenTheWriterSignalsWithoutClean) {
  SanitizerRig rig;
  rig.remote_write16(kUsedIdx, 1); // only in the remote's cache
  rig.kick(rig.remote);            // "used buffer ready"
  EXPECT_EQ(rig.nc_read16(kUsedIdx), 0);
  const Finding& f = only_finding(rig);
  EXPECT_EQ(f.kind, Kind::kUnpublishedRead);
  EXPECT_EQ(f.symbol, "vring1.used.idx");
  EXPECT_EQ(f.reader.cluster, "master");
  EXPECT_EQ(f.reader.value, "0x0000");
  EXPECT_EQ(f.writer.cluster, "remote");
  EXPECT_EQ(f.writer.value, "0x0001");
  EXPECT_NE(f.hint.find("missing clean after write"), std::string::npos) << f.hint;
  EXPECT_NE(f.line_state.find("read DRAM directly"), std::string::npos) << f.line_state;
}

TEST(CoherencySanitizer, ReadingBeforeTheWriterSignalsIsNotAViolation) {
  SanitizerRig rig;
  rig.remote_write16(kUsedIdx, 1);
  EXPECT_EQ(rig.nc_read16(kUsedIdx), 0); // a poll racing the store
  EXPECT_TRUE(rig.san.findings().empty());
}

TEST(CoherencySanitizer, OtherDeviceWritesAreNotSignals) {
  SanitizerRig rig;
  rig.remote_write16(kUsedIdx, 1);
  rig.device_write(rig.remote); // a console character between the store and its flush
  EXPECT_EQ(rig.nc_read16(kUsedIdx), 0);
  EXPECT_TRUE(rig.san.findings().empty());
}

TEST(CoherencySanitizer, NoFindingWhenTheWriterCleansBeforeSignalling) {
  SanitizerRig rig;
  rig.remote_write16(kUsedIdx, 1);
  rig.remote_maintain(Op::kClean, kUsedIdx, 2, "rx_used_idx_flush");
  rig.kick(rig.remote);
  EXPECT_EQ(rig.nc_read16(kUsedIdx), 1);
  EXPECT_TRUE(rig.san.findings().empty());
}

TEST(CoherencySanitizer, UnpublishedReadThroughTheReadersOwnCache) {
  SanitizerRig rig;
  rig.remote_write16(kUsedIdx, 1);
  rig.kick(rig.remote);
  const Result r = rig.master_cpu.read(kUsedIdx, 2); // a cacheable master fills from DRAM
  EXPECT_EQ(r.bytes[0], 0);
  EXPECT_EQ(only_finding(rig).kind, Kind::kUnpublishedRead);
}

// ---- lost_update --------------------------------------------------------------------------------

TEST(CoherencySanitizer, LostUpdateWhenAWriteBackCarriesTheOtherSidesField) {
  SanitizerRig rig;
  rig.remote_write16(kUsedRing, 3); // remote owns used.ring, caches the whole line
  rig.nc_write16(kUsedEvent, 5);    // Linux updates used_event in the same line
  rig.remote_maintain(Op::kClean, kUsedRing, 8, "tx_used_ring_flush");
  EXPECT_EQ(rig.ddr.store[kUsedEvent], 0); // Linux's value is gone
  const Finding& f = only_finding(rig);
  EXPECT_EQ(f.kind, Kind::kLostUpdate);
  EXPECT_EQ(f.symbol, "vring0.avail.used_event");
  EXPECT_EQ(f.site, "tx_used_ring_flush");
  EXPECT_EQ(f.reader.cluster, "remote");
  EXPECT_EQ(f.reader.value, "0x0000"); // what the write-back put back
  EXPECT_EQ(f.writer.cluster, "master");
  EXPECT_EQ(f.writer.value, "0x0005"); // what was lost
  EXPECT_NE(f.hint.find("because remote had written vring0.used.ring[0] in that line"),
            std::string::npos)
      << f.hint;
}

TEST(CoherencySanitizer, LostUpdateByAnEvictionNamesTheEviction) {
  SanitizerRig rig;
  rig.remote_write16(kUsedRing, 3);
  rig.nc_write16(kUsedEvent, 5);
  // Four more lines of the same set (32 KiB / 4 ways: 8 KiB apart) push the dirty line out.
  for (int i = 1; i <= 4; ++i) rig.remote_read16(kUsedRing - i * 0x2000);
  EXPECT_FALSE(rig.remote_cache.contains(kUsedRing));
  const Finding& f = only_finding(rig);
  EXPECT_EQ(f.kind, Kind::kLostUpdate);
  EXPECT_EQ(f.site, "eviction");
}

TEST(CoherencySanitizer, LostUpdateOfOwnOlderWriteSaysTheLineStayedDirty) {
  SanitizerRig rig;
  std::uint32_t reserved = 2;
  rig.remote_cpu.write(kBuf + 8, &reserved, 4); // OpenAMP < v2023.04: `reserved = idx`, dirty
  std::uint32_t hdr[4] = {0x400, 0x35, 0, 0x10};
  rig.nc_write(kBuf, hdr, sizeof hdr); // Linux reuses the buffer
  rig.remote_maintain(Op::kCleanInvalidate, kBuf, 24, "rx_buffer_invalidate");
  // The whole line goes back: Linux's src, dst and len are lost with it (the remote's line holds
  // older versions of them), and its own `reserved` overwrites Linux's newer 0.
  ASSERT_EQ(rig.san.findings().size(), 4u);
  EXPECT_EQ(rig.san.findings()[0].symbol, "buf[0].hdr.src");
  EXPECT_NE(rig.san.findings()[0].hint.find("which remote did not write"), std::string::npos);
  const Finding& f = rig.san.findings()[2];
  EXPECT_EQ(f.kind, Kind::kLostUpdate);
  EXPECT_EQ(f.symbol, "buf[0].hdr.reserved");
  EXPECT_EQ(f.reader.value, "0x00000002");
  EXPECT_EQ(f.writer.value, "0x00000000");
  EXPECT_NE(f.hint.find("own older write"), std::string::npos) << f.hint;
  EXPECT_NE(f.line_state.find("dirty byte"), std::string::npos) << f.line_state;
}

TEST(CoherencySanitizer, AWriteBackOfTheSameValueIsCountedNotReported) {
  SanitizerRig rig;
  rig.remote_write16(kUsedRing, 3);
  rig.nc_write16(kUsedEvent, 0); // Linux rewrites the value the remote's line also holds
  rig.remote_maintain(Op::kClean, kUsedRing, 8, "tx_used_ring_flush");
  EXPECT_TRUE(rig.san.findings().empty());
  EXPECT_EQ(rig.san.stats().unchanged_value, 1u);
  EXPECT_EQ(rig.san.stats().violations, 0u);
}

TEST(CoherencySanitizer, NoLostUpdateWhenEachSidesFieldsHaveTheirOwnLines) {
  SanitizerRig rig;
  rig.remote_write16(kUsedRing, 3);
  rig.nc_write16(kUsedEvent - 0x40, 5); // the other side's field one line earlier
  rig.remote_maintain(Op::kClean, kUsedRing, 8, "tx_used_ring_flush");
  EXPECT_TRUE(rig.san.findings().empty());
}

// ---- discarded_write ----------------------------------------------------------------------------

TEST(CoherencySanitizer, DiscardedWriteWhenAnInvalidateDropsOwnDirtyBytesThatAreReadBack) {
  SanitizerRig rig;
  std::uint32_t dst = 0x400;
  rig.remote_cpu.write(kBuf + 4, &dst, 4); // own write, dirty
  // Invalidating the payload (partial first line, DC IVAC) drops the whole line.
  rig.remote_maintain(Op::kInvalidate, kBuf + 16, 32, "rx_buffer_invalidate");
  const Result r = rig.remote_cpu.read(kBuf + 4, 4);
  EXPECT_EQ(r.bytes[1], 0); // the write is gone
  const Finding& f = only_finding(rig);
  EXPECT_EQ(f.kind, Kind::kDiscardedWrite);
  EXPECT_EQ(f.symbol, "buf[0].hdr.dst");
  EXPECT_EQ(f.site, "rx_buffer_invalidate");
  EXPECT_EQ(f.reader.value, "0x00000000");
  EXPECT_EQ(f.writer.value, "0x00000400");
  EXPECT_NE(f.hint.find("clean+invalidate"), std::string::npos) << f.hint;
}

TEST(CoherencySanitizer, CleanInvalidateOfAPartialLineKeepsOwnBytes) {
  SanitizerRig rig;
  std::uint32_t dst = 0x400;
  rig.remote_cpu.write(kBuf + 4, &dst, 4);
  rig.remote_maintain(Op::kCleanInvalidate, kBuf + 16, 32, "rx_buffer_invalidate");
  EXPECT_EQ(rig.remote_cpu.read(kBuf + 4, 4).bytes[1], 4);
  EXPECT_TRUE(rig.san.findings().empty());
  EXPECT_EQ(rig.san.stats().discarded_lines, 0u);
}

TEST(CoherencySanitizer, ADiscardNobodyReadsBackIsOnlyCounted) {
  SanitizerRig rig;
  std::uint32_t reserved = 2;
  rig.remote_cpu.write(kBuf + 8, &reserved, 4); // OpenAMP's `reserved = idx`
  rig.remote_maintain(Op::kInvalidate, kBuf, 512, "rx_buffer_return_invalidate");
  std::uint32_t hdr[4] = {0x400, 0x35, 0, 0x10};
  rig.nc_write(kBuf, hdr, sizeof hdr); // Linux reuses the buffer
  rig.remote_maintain(Op::kInvalidate, kBuf, 512, "rx_buffer_invalidate");
  EXPECT_EQ(rig.remote_cpu.read(kBuf + 8, 4).bytes[0], 0);
  EXPECT_TRUE(rig.san.findings().empty());
  EXPECT_EQ(rig.san.stats().discarded_lines, 1u);
  EXPECT_EQ(rig.san.stats().unobserved_discards, 1u);
}

// ---- correct maintenance of partial lines, folding, scope ---------------------------------------

TEST(CoherencySanitizer, CorrectMaintenanceOfUnalignedRangesHasNoFinding) {
  SanitizerRig rig;
  // Remote TX: header + 40-byte payload (ends inside a line), cleaned by range, then signalled.
  std::uint8_t msg[56];
  for (unsigned i = 0; i < sizeof msg; ++i) msg[i] = static_cast<std::uint8_t>(i + 1);
  rig.remote_cpu.write(kBuf + 0x200, msg, sizeof msg);
  rig.remote_maintain(Op::kClean, kBuf + 0x200, sizeof msg, "tx_buffer_flush");
  rig.kick(rig.remote);
  const Result r = rig.master_nc.read(kBuf + 0x200, sizeof msg);
  rig.master.on_uncached(false, kBuf + 0x200, r.bytes.data(), sizeof msg, false, 0);
  EXPECT_EQ(r.bytes[55], 56);
  // Linux RX into a buffer whose line the remote had cached: invalidate the unaligned range.
  EXPECT_EQ(rig.remote_read16(kBuf + 0x410), 0);
  std::uint8_t payload[20] = {9, 9, 9};
  rig.nc_write(kBuf + 0x410, payload, sizeof payload);
  rig.remote_maintain(Op::kInvalidate, kBuf + 0x410, sizeof payload, "rx_buffer_invalidate");
  EXPECT_EQ(rig.remote_read16(kBuf + 0x410), 0x0909);
  EXPECT_TRUE(rig.san.findings().empty());
}

TEST(CoherencySanitizer, WriteThroughStoresArePublishedAtOnce) {
  models::CacheConfig wt = rig_cache("rig.remote.dcache");
  wt.write_policy = models::CacheConfig::WritePolicy::kWriteThrough;
  SanitizerRig rig(wt);
  rig.remote_write16(kUsedIdx, 1); // no clean: the store went to DRAM too
  rig.kick(rig.remote);
  EXPECT_EQ(rig.nc_read16(kUsedIdx), 1);
  rig.nc_write16(kUsedEvent, 5); // and its clean line never carries anything back
  rig.remote_maintain(Op::kClean, kUsedRing, 8, "tx_used_ring_flush");
  EXPECT_EQ(rig.ddr.store[kUsedEvent], 5);
  EXPECT_TRUE(rig.san.findings().empty());
}

TEST(CoherencySanitizer, ASpeculativeFillIsStaleOnlyIfReadWithoutInvalidating) {
  models::CacheConfig spec = rig_cache("rig.remote.dcache");
  spec.speculative_fill = true;
  spec.speculative_rate = 0; // only the deterministic next-line fill on a miss
  SanitizerRig rig(spec);
  const std::uint64_t next = kAvailIdx - 2 + 64; // the line after avail.idx's
  rig.remote_read16(kAvailIdx);                  // miss: fills this line and, speculatively, next
  ASSERT_TRUE(rig.remote_cache.contains(next));
  rig.nc_write16(next, 0x77);
  rig.remote_maintain(Op::kInvalidate, next, 2, "rx_avail_ring_invalidate");
  EXPECT_EQ(rig.remote_read16(next), 0x77);
  EXPECT_TRUE(rig.san.findings().empty());
  rig.remote_read16(kAvailIdx + 0x100); // another miss brings a speculative copy of its next line
  rig.nc_write16(kAvailIdx + 0x140, 0x42);
  EXPECT_EQ(rig.remote_read16(kAvailIdx + 0x140), 0); // read with no invalidate: stale
  EXPECT_EQ(only_finding(rig).kind, Kind::kStaleRead);
}

TEST(CoherencySanitizer, TwoWriteBackCachesNeedCleanOnOneSideAndInvalidateOnTheOther) {
  SanitizerRig rig;
  const std::uint16_t one = 1;
  rig.master_cpu.write(kAvailIdx, &one, 2); // Linux mapping the ring cacheable
  rig.master.release(0);                    // and kicking without a clean
  rig.remote_maintain(Op::kInvalidate, kAvailIdx, 2, "rx_avail_idx_invalidate");
  EXPECT_EQ(rig.remote_read16(kAvailIdx), 0);
  EXPECT_EQ(only_finding(rig).kind, Kind::kUnpublishedRead);
  EXPECT_EQ(only_finding(rig).writer.cluster, "master");
  // Done right: clean, kick, invalidate, read.
  SanitizerRig good;
  good.master_cpu.write(kAvailIdx, &one, 2);
  good.master.on_maintenance("clean", "avail_idx_flush", kAvailIdx, 2, false, 0);
  good.master_cache.clean(kAvailIdx, 2, good.delay);
  good.master.on_maintenance_done();
  good.master.release(0);
  good.remote_maintain(Op::kInvalidate, kAvailIdx, 2, "rx_avail_idx_invalidate");
  EXPECT_EQ(good.remote_read16(kAvailIdx), 1);
  EXPECT_TRUE(good.san.findings().empty());
}

TEST(CoherencySanitizer, AResetForgetsTheCacheWithoutCallingItADiscard) {
  SanitizerRig rig;
  rig.remote_write16(kUsedIdx, 1); // dirty when the remote is reset
  rig.san.reset_cluster(rig.remote.id());
  rig.remote_cache.invalidate_all(rig.delay);
  const std::uint8_t image[2] = {0, 0};
  rig.san.image_write(kUsedIdx, image, 2, 0); // the boot loader reloads the image
  EXPECT_EQ(rig.remote_read16(kUsedIdx), 0);  // the new image reads its own start value
  EXPECT_TRUE(rig.san.findings().empty());
  EXPECT_EQ(rig.san.stats().discarded_lines, 0u);
}

TEST(CoherencySanitizer, RepeatedViolationsFoldIntoOneFindingWithACount) {
  SanitizerRig rig;
  rig.remote_read16(kAvailIdx);
  rig.nc_write16(kAvailIdx, 1);
  rig.remote_read16(kAvailIdx);
  rig.remote_read16(kAvailIdx);
  rig.remote_thread = "other";
  rig.remote_read16(kAvailIdx); // another reading thread is another site
  ASSERT_EQ(rig.san.findings().size(), 2u);
  EXPECT_EQ(rig.san.findings()[0].count, 2u);
  EXPECT_EQ(rig.san.findings()[0].site, "remote/rpmsg_rx");
  EXPECT_EQ(rig.san.findings()[1].site, "remote/other");
  EXPECT_EQ(rig.san.stats().violations, 3u);
  EXPECT_EQ(rig.san.by_kind().at("stale_read"), 3u);
  EXPECT_EQ(rig.san.by_kind().at("lost_update"), 0u);
}

TEST(CoherencySanitizer, UnnamedBytesAreReportedByAddressAndUntrackedOnesNotAtAll) {
  SanitizerRig rig;
  rig.remote_read16(kShared + 0x100);
  rig.remote_read16(kPrivate);
  rig.nc_write16(kShared + 0x100, 1);
  rig.nc_write16(kPrivate, 1);
  rig.remote_read16(kShared + 0x100);
  rig.remote_read16(kPrivate);
  EXPECT_EQ(only_finding(rig).symbol, "0x00008100");
}

TEST(CoherencySanitizer, FieldInsideASymbolIsNamedWithItsOffset) {
  SanitizerRig rig;
  rig.remote_read16(kBuf + 16 + 6);
  rig.nc_write16(kBuf + 16 + 6, 0x1234);
  rig.remote_read16(kBuf + 16 + 6);
  EXPECT_EQ(only_finding(rig).symbol, "buf[0].payload+6");
}

TEST(CoherencySanitizer, OverlappingSymbolsOrRangesAreRejected) {
  models::coherency::CoherencySanitizer s;
  s.track(0x1000, 0x100);
  EXPECT_THROW(s.track(0x10f0, 0x20), std::invalid_argument);
  s.add_symbol(0x1000, 4, "a");
  EXPECT_THROW(s.add_symbol(0x1002, 4, "b"), std::invalid_argument);
  EXPECT_NO_THROW(s.add_symbol(0x1004, 4, "c"));
}

} // namespace
} // namespace sim::test
