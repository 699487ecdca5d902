// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test rig for the Zephyr remote on the reference platform: the board (with `--set`-style
// overrides), Zephyr's resource table in DRAM at time zero, the remote image booted with a list
// of applications, a ScriptedMaster on the master cluster, and recorders for the remote's probes
// and cache-maintenance calls (a HAL wrapper that forwards everything to the cluster and notes
// each maintenance call with its site name). One simulation per TEST.

#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/cpu/probe_sink.h"
#include "sw/zephyr/zephyr.h"
#include "tests/support/platform_fixture.h"
#include "tests/support/recorded_probe.h"
#include "tests/sw/zephyr/scripted_master.h"

namespace sim::test {

class ProbeRecorder : public models::ProbeSink {
public:
  void on_probe(Side, const std::string& thread, const hal::ProbeEvent& e,
                std::uint64_t time_ps) override {
    events.push_back(record_probe(e, thread, time_ps));
  }
  std::vector<RecordedProbe> of(hal::ProbeKind kind) const { return probes_of(events, kind); }
  std::vector<RecordedProbe> events;
};

/// Forwards every call to `inner`, recording cache maintenance (kind, address, length, site).
class RecordingHal : public hal::Hal {
public:
  enum class Op { kClean, kInvalidate, kCleanInvalidate };
  struct CacheOp {
    Op op;
    hal::Addr addr;
    std::size_t len;
    std::string site;
  };

  explicit RecordingHal(hal::Hal& inner) : inner_(inner) {}
  std::vector<CacheOp> ops;

  const std::string& cluster() const override { return inner_.cluster(); }
  std::uint8_t read8(hal::Addr a) override { return inner_.read8(a); }
  std::uint16_t read16(hal::Addr a) override { return inner_.read16(a); }
  std::uint32_t read32(hal::Addr a) override { return inner_.read32(a); }
  std::uint64_t read64(hal::Addr a) override { return inner_.read64(a); }
  void write8(hal::Addr a, std::uint8_t v) override { inner_.write8(a, v); }
  void write16(hal::Addr a, std::uint16_t v) override { inner_.write16(a, v); }
  void write32(hal::Addr a, std::uint32_t v) override { inner_.write32(a, v); }
  void write64(hal::Addr a, std::uint64_t v) override { inner_.write64(a, v); }
  void read(hal::Addr a, void* d, std::size_t n) override { inner_.read(a, d, n); }
  void write(hal::Addr a, const void* s, std::size_t n) override { inner_.write(a, s, n); }
  std::uint32_t mmio_read32(hal::Addr a) override { return inner_.mmio_read32(a); }
  void mmio_write32(hal::Addr a, std::uint32_t v) override { inner_.mmio_write32(a, v); }
  void dcache_clean(hal::Addr a, std::size_t n, const char* site) override {
    ops.push_back({Op::kClean, a, n, site});
    inner_.dcache_clean(a, n, site);
  }
  void dcache_invalidate(hal::Addr a, std::size_t n, const char* site) override {
    ops.push_back({Op::kInvalidate, a, n, site});
    inner_.dcache_invalidate(a, n, site);
  }
  void dcache_clean_invalidate(hal::Addr a, std::size_t n, const char* site) override {
    ops.push_back({Op::kCleanInvalidate, a, n, site});
    inner_.dcache_clean_invalidate(a, n, site);
  }
  void barrier() override { inner_.barrier(); }
  hal::SimTime now() override { return inner_.now(); }
  void spend(std::uint64_t c) override { inner_.spend(c); }
  void busy_wait(hal::SimTime d) override { inner_.busy_wait(d); }
  void sleep(hal::SimTime d) override { inner_.sleep(d); }
  bool poll(hal::Addr a, std::size_t n, const std::function<bool()>& c, hal::SimTime t) override {
    return inner_.poll(a, n, c, t);
  }
  void console(std::string_view t) override { inner_.console(t); }
  void log(hal::LogLevel l, std::string_view c, std::string_view t) override {
    inner_.log(l, c, t);
  }
  void probe(const hal::ProbeEvent& e) override { inner_.probe(e); }
  hal::Os& os() override { return inner_.os(); }
  [[noreturn]] void panic(std::string_view reason) override {
    inner_.panic(reason);
    std::abort(); // not reached: the cluster's panic unwinds
  }

private:
  hal::Hal& inner_;
};

class RemoteRig {
public:
  using Sets = std::vector<std::pair<std::string, std::string>>;
  explicit RemoteRig(const Sets& sets = {},
                     sw::shm::ZephyrTableParams table = PlatformFixture::reference_table())
      : f(sets) {
    f.load_zephyr_table(options.rsc_table, table);
    options.console = false;
    options.vring_num = table.vring_num;
    options.vring_align = table.vring_align;
    f.platform().cluster(Side::kRemote).set_probe_sink(&probes);
  }
  // The threads point into this rig's members (the master, the recorder): unwound before those go.
  ~RemoteRig() { f.unwind(); }
  RemoteRig(const RemoteRig&) = delete;
  RemoteRig& operator=(const RemoteRig&) = delete;

  /// Boots the remote image; with `record`, through a RecordingHal (see `cache_ops()`).
  void boot_remote(std::vector<sw::zephyr::ZephyrApp*> apps, bool record = false) {
    apps_ = std::move(apps);
    f.boot(Side::kRemote, {"main", 0, false, 0}, [this, record](hal::Hal& hal) {
      hal::Hal* h = &hal;
      if (record) {
        recorder_ = std::make_unique<RecordingHal>(hal);
        h = recorder_.get();
      }
      sw::zephyr::boot(*h, f.info(Side::kRemote), options, apps_, status);
    });
  }

  /// Boots the scripted master: attach, then `script`.
  void boot_master(std::function<void(ScriptedMaster&, hal::Hal&)> script,
                   ScriptedMasterConfig config = {}) {
    f.boot(Side::kMaster, {"script", 0, false, 0}, [this, script, config](hal::Hal& hal) {
      master = std::make_unique<ScriptedMaster>(hal, f.info(Side::kMaster), config);
      master->attach();
      if (script) script(*master, hal);
      master_done = true;
    });
  }

  void run_ms(unsigned ms) { f.run(sc_core::sc_time(ms, sc_core::SC_MS)); }
  const std::vector<RecordingHal::CacheOp>& cache_ops() const { return recorder_->ops; }

  PlatformFixture f;
  sw::zephyr::ZephyrOptions options;
  sw::zephyr::ZephyrStatus status;
  ProbeRecorder probes;
  std::unique_ptr<ScriptedMaster> master;
  bool master_done = false;

private:
  std::vector<sw::zephyr::ZephyrApp*> apps_;
  std::unique_ptr<RecordingHal> recorder_;
};

} // namespace sim::test

namespace sim::test {

/// A remote application given as a function (test-local clients).
class LambdaApp : public sw::zephyr::ZephyrApp {
public:
  using Body = std::function<void(hal::Hal&, sw::zephyr::Rpmsg&)>;
  explicit LambdaApp(Body body,
                     hal::ThreadSpec spec = {"test_app", sw::zephyr::k_prio_coop(7), true, 0})
      : body_(std::move(body)), spec_(std::move(spec)) {}
  hal::ThreadSpec thread() const override { return spec_; }
  void run(hal::Hal& hal, sw::zephyr::Rpmsg& rpmsg) override { body_(hal, rpmsg); }

private:
  Body body_;
  hal::ThreadSpec spec_;
};

/// "m07" padded with dots to `len` bytes: distinct payloads of a chosen length.
inline std::string numbered(unsigned n, std::size_t len) {
  std::string s = "m" + std::string(n < 10 ? "0" : "") + std::to_string(n);
  if (s.size() < len) s.append(len - s.size(), '.');
  return s;
}

} // namespace sim::test
