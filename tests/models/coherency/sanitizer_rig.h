// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test rig for the coherency sanitizer: two clusters over one DRAM, as on the TCC807x. The remote
// reaches the shared range through its write-back D-cache; the master through its own D-cache or
// directly (Normal-NC, the Linux default). Both feed the sanitizer exactly as the platform does
// (SanitizerFeed as cache observer and cluster observer). No sc_start: accesses are direct
// b_transport calls.

#include <cstring>
#include <string>

#include "models/cache/cache.h"
#include "models/coherency/sanitizer.h"
#include "models/coherency/sanitizer_feed.h"
#include "tests/models/cache/shared_memory.h"
#include "tests/support/fake_initiator.h"

namespace sim::test {

inline constexpr std::uint64_t kShared = 0x8000; // tracked: [0x8000, 0xc000)
inline constexpr std::uint64_t kSharedSize = 0x4000;
inline constexpr std::uint64_t kAvailIdx = 0x9002;  // vring1.avail.idx
inline constexpr std::uint64_t kUsedIdx = 0x9042;   // vring1.used.idx (own line)
inline constexpr std::uint64_t kUsedEvent = 0x9094; // vring0.avail.used_event (shares 0x9080)
inline constexpr std::uint64_t kUsedRing = 0x90a0;  // vring0.used.ring[0] (remote writes)
inline constexpr std::uint64_t kBuf = 0xa000;       // buf[0]: hdr 16 B + payload
inline constexpr std::uint64_t kPrivate = 0x1000;   // untracked

inline models::CacheConfig rig_cache(const std::string& name) {
  models::CacheConfig c;
  c.name = name;
  return c;
}

struct SanitizerRig {
  models::CacheConfig remote_config;
  SharedMemory ddr{sc_core::sc_gen_unique_name("ddr"), 64 * 1024};
  FakeInitiator remote_cpu{sc_core::sc_gen_unique_name("remote_cpu")};
  FakeInitiator master_cpu{sc_core::sc_gen_unique_name("master_cpu")};
  FakeInitiator master_nc{sc_core::sc_gen_unique_name("master_nc")};
  models::Cache remote_cache{sc_core::sc_gen_unique_name("remote_dcache"), remote_config};
  models::Cache master_cache{sc_core::sc_gen_unique_name("master_dcache"),
                             rig_cache("rig.master.dcache")};
  models::coherency::CoherencySanitizer san;
  std::string remote_thread = "rpmsg_rx";
  std::string master_thread = "kworker";
  models::coherency::SanitizerFeed remote{san, "remote", 64,
                                          [this]() -> const std::string& { return remote_thread; }};
  models::coherency::SanitizerFeed master{san, "master", 64,
                                          [this]() -> const std::string& { return master_thread; }};
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;

  explicit SanitizerRig(models::CacheConfig remote_dcache = rig_cache("rig.remote.dcache"))
      : remote_config(std::move(remote_dcache)) {
    remote_cpu.out.bind(remote_cache.cpu_side);
    master_cpu.out.bind(master_cache.cpu_side);
    master_nc.out.bind(ddr.in);
    remote_cache.mem_side.bind(ddr.in);
    master_cache.mem_side.bind(ddr.in);
    remote_cache.add_observer(&remote);
    master_cache.add_observer(&master);
    san.track(kShared, kSharedSize);
    san.add_symbol(kAvailIdx, 2, "vring1.avail.idx");
    san.add_symbol(kUsedIdx, 2, "vring1.used.idx");
    san.add_symbol(kUsedEvent, 2, "vring0.avail.used_event");
    san.add_symbol(kUsedRing, 8, "vring0.used.ring[0]");
    san.add_symbol(kBuf, 4, "buf[0].hdr.src");
    san.add_symbol(kBuf + 4, 4, "buf[0].hdr.dst");
    san.add_symbol(kBuf + 8, 4, "buf[0].hdr.reserved");
    san.add_symbol(kBuf + 12, 2, "buf[0].hdr.len");
    san.add_symbol(kBuf + 14, 2, "buf[0].hdr.flags");
    san.add_symbol(kBuf + 16, 496, "buf[0].payload");
  }

  // The master's Normal-NC path, reported like Cluster does.
  void nc_write(std::uint64_t addr, const void* data, unsigned len) {
    master_nc.write(addr, data, len);
    master.on_uncached(true, addr, static_cast<const std::uint8_t*>(data), len, false, 0);
  }
  void nc_write16(std::uint64_t addr, std::uint16_t v) { nc_write(addr, &v, 2); }
  std::uint16_t nc_read16(std::uint64_t addr) {
    const Result r = master_nc.read(addr, 2);
    master.on_uncached(false, addr, r.bytes.data(), 2, false, 0);
    std::uint16_t v = 0;
    std::memcpy(&v, r.bytes.data(), 2);
    return v;
  }
  std::uint16_t remote_read16(std::uint64_t addr) {
    const Result r = remote_cpu.read(addr, 2);
    std::uint16_t v = 0;
    std::memcpy(&v, r.bytes.data(), 2);
    return v;
  }
  void remote_write16(std::uint64_t addr, std::uint16_t v) { remote_cpu.write(addr, &v, 2); }
  /// A mailbox send by `side`: the signal to the peer (the platform wires the mailbox to it).
  void kick(models::coherency::SanitizerFeed& side) { side.release(0); }
  /// Any other device register write by `side` (a console character, an interrupt acknowledge).
  void device_write(models::coherency::SanitizerFeed& side) {
    const std::uint32_t one = 1;
    side.on_uncached(true, 0x16600000, reinterpret_cast<const std::uint8_t*>(&one), 4, true, 0);
  }

  enum class Op { kClean, kInvalidate, kCleanInvalidate };
  /// Maintenance by the remote at `site`, reported like Cluster does; skipped = a fault ate it.
  void remote_maintain(Op op, std::uint64_t addr, std::uint64_t len, const char* site,
                       bool skipped = false) {
    const char* name = op == Op::kClean        ? "clean"
                       : op == Op::kInvalidate ? "invalidate"
                                               : "clean+invalidate";
    remote.on_maintenance(name, site, addr, len, skipped, 0);
    if (!skipped) {
      if (op == Op::kClean) remote_cache.clean(addr, len, delay);
      if (op == Op::kInvalidate) remote_cache.invalidate(addr, len, delay);
      if (op == Op::kCleanInvalidate) remote_cache.clean_invalidate(addr, len, delay);
    }
    remote.on_maintenance_done();
  }
};

} // namespace sim::test
