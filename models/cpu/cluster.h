// SPDX-License-Identifier: Apache-2.0
#pragma once
// A CPU cluster: N cores running co-simulated software through the HAL, its OS execution model,
// and its MMU attribute map. Each core has two initiator sockets: `cached[i]` to the cluster's
// D-cache (normal_wb accesses) and `uncached[i]` to the system bus (normal_nc and device). Every
// HAL memory call becomes one b_transport on the right socket with the core's quantum keeper
// (device accesses synchronise first). An access outside the MMU map is an MMU fault and an error
// response is a bus fault: both panic this cluster with address and software context; the other
// cluster keeps running. Timing: memory latency as annotated by the targets, `spend` in core
// clock cycles, OS costs from OsCosts. Not modelled: instruction fetch, TLBs, out-of-order
// effects, DMI (every access is a transaction so checkers see it).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "models/cache/cache_control.h"
#include "models/common/sc_compat.h"
#include "models/cpu/cluster_observer.h"
#include "models/cpu/memory_watch.h"
#include "models/cpu/mmu_map.h"
#include "models/cpu/os_kernel.h"
#include "models/cpu/probe_sink.h"
#include "sw/hal/hal.h"
#include "sw/hal/side.h"

namespace sim::models {

struct ClusterConfig {
  /// The RPMsg side its software plays; none for a cluster that is hardware only.
  std::optional<Side> side;
  unsigned cores = 1;
  std::uint64_t clock_hz = 1500000000;
  OsCosts os;
  MmuMap mmu;
  /// Console UART data register; no console output when absent.
  std::optional<std::uint64_t> uart_base;
  /// When the console UART accepts a character written at a time (ps; UartCore::space_at), and
  /// how long a write waited for it (UartCore::record_wait). With them console() polls the FIFO
  /// with interrupts served; without them a write to a full FIFO stalls the core.
  std::function<std::uint64_t(std::uint64_t)> console_space_at;
  std::function<void(std::uint64_t)> console_waited;
};

struct ClusterStats {
  std::uint64_t reads = 0, writes = 0, mmio_reads = 0, mmio_writes = 0;
  std::uint64_t cache_ops = 0, cache_ops_skipped = 0, barriers = 0, polls = 0, poll_wakeups = 0;
  std::uint64_t console_chars = 0;
};

class Cluster : public sc_core::sc_module, public hal::Hal {
public:
  using Socket = tlm_utils::simple_initiator_socket<Cluster>;
  std::vector<std::unique_ptr<Socket>> cached;
  std::vector<std::unique_ptr<Socket>> uncached;

  Cluster(const sc_core::sc_module_name& name, const ClusterConfig& config, IrqController& irq);

  /// The D-cache maintenance interface (nullptr: cache ops only cost time).
  void set_dcache(CacheControl* dcache) { dcache_ = dcache; }
  void set_probe_sink(ProbeSink* sink) { probe_sink_ = sink; }
  /// Observers are not owned and must outlive the cluster (or the simulation).
  void add_observer(ClusterObserver* observer) { observers_.push_back(observer); }
  /// A fault: maintenance requests at `site` are not executed — only the `nth` (counting from 1)
  /// or, with nth = 0, every one. Observers still hear them, marked skipped.
  struct SkippedSite {
    std::string site;
    unsigned nth = 0;
    unsigned calls = 0;             ///< requests at the site so far
    std::vector<Picoseconds> fired; ///< when a request was skipped
  };
  /// Skips the `nth` maintenance request at `site` (0: every one). Returns the rule's index in
  /// skipped_sites().
  std::size_t skip_maintenance(const std::string& site, unsigned nth) {
    skipped_sites_.push_back({site, nth, 0, {}});
    return skipped_sites_.size() - 1;
  }
  const std::vector<SkippedSite>& skipped_sites() const { return skipped_sites_; }

  /// Starts the software's main thread at simulated time `at`.
  void boot(const hal::ThreadSpec& main, std::function<void(hal::Hal&)> entry,
            sc_core::sc_time at = sc_core::SC_ZERO_TIME);

  MemoryWatch& watch() { return watch_; }
  OsKernel& kernel() { return kernel_; }
  const MmuMap& mmu() const { return config_.mmu; }
  const ClusterStats& stats() const { return stats_; }
  const std::optional<PanicInfo>& panic_info() const { return kernel_.panic_info(); }

  // --- for an ISS core (models/iss), whose firmware's own page tables say what memory is -------
  /// An access with the memory type the firmware's translation gave: normal_wb through the
  /// D-cache, normal_nc and device to the bus (device ones synchronised first). The cluster's MMU
  /// map is not consulted.
  void access_as(MemAttr attr, bool write, hal::Addr addr, void* data, std::size_t len);
  /// DC CVAC/IVAC/CIVAC of the lines [addr, addr+len) at `site`, without the MMU-map check (the
  /// firmware's translation of the VA was checked by the caller).
  enum class DcKind { kClean, kInvalidate, kCleanInvalidate };
  void dc_by_va(DcKind kind, hal::Addr addr, std::size_t len, const char* site);

  // --- hal::Hal --------------------------------------------------------------------------------
  const std::string& cluster() const override { return name_; }
  std::uint8_t read8(hal::Addr addr) override { return load<std::uint8_t>(addr); }
  std::uint16_t read16(hal::Addr addr) override { return load<std::uint16_t>(addr); }
  std::uint32_t read32(hal::Addr addr) override { return load<std::uint32_t>(addr); }
  std::uint64_t read64(hal::Addr addr) override { return load<std::uint64_t>(addr); }
  void write8(hal::Addr addr, std::uint8_t v) override { store(addr, v); }
  void write16(hal::Addr addr, std::uint16_t v) override { store(addr, v); }
  void write32(hal::Addr addr, std::uint32_t v) override { store(addr, v); }
  void write64(hal::Addr addr, std::uint64_t v) override { store(addr, v); }
  void read(hal::Addr addr, void* dst, std::size_t len) override;
  void write(hal::Addr addr, const void* src, std::size_t len) override;
  std::uint32_t mmio_read32(hal::Addr addr) override;
  void mmio_write32(hal::Addr addr, std::uint32_t value) override;
  void dcache_clean(hal::Addr addr, std::size_t len, const char* site) override;
  void dcache_invalidate(hal::Addr addr, std::size_t len, const char* site) override;
  void dcache_clean_invalidate(hal::Addr addr, std::size_t len, const char* site) override;
  void barrier() override;
  hal::SimTime now() override;
  void spend(std::uint64_t cycles) override;
  void busy_wait(hal::SimTime duration) override;
  void sleep(hal::SimTime duration) override;
  bool poll(hal::Addr addr, std::size_t len, const std::function<bool()>& condition,
            hal::SimTime timeout) override;
  void console(std::string_view text) override;
  void log(hal::LogLevel level, std::string_view component, std::string_view text) override;
  void probe(const hal::ProbeEvent& event) override;
  hal::Os& os() override { return kernel_; }
  [[noreturn]] void panic(std::string_view reason) override;

private:
  enum class Path { kCached, kUncached };
  /// Before a console character: until the UART's FIFO has room (see console_space_at).
  void wait_for_console_space();
  template <typename T> T load(hal::Addr addr) {
    T v{};
    access(tlm::TLM_READ_COMMAND, addr, reinterpret_cast<unsigned char*>(&v), sizeof(T), "read");
    return v;
  }
  template <typename T> void store(hal::Addr addr, T v) {
    access(tlm::TLM_WRITE_COMMAND, addr, reinterpret_cast<unsigned char*>(&v), sizeof(T), "write");
  }
  void access(tlm::tlm_command cmd, hal::Addr addr, unsigned char* data, std::size_t len,
              const char* what);
  /// `device`: an uncached access to device memory (for observers).
  void transport(Path path, tlm::tlm_command cmd, hal::Addr addr, unsigned char* data,
                 std::size_t len, const char* what, bool device = false);
  void maintenance(hal::Addr addr, std::size_t len, const char* op, const char* site,
                   void (CacheControl::*fn)(std::uint64_t, std::uint64_t, sc_core::sc_time&),
                   bool check_map = true);
  void notify_uncached(tlm::tlm_command cmd, hal::Addr addr, const unsigned char* data,
                       std::size_t len, bool device);
  [[noreturn]] void fault(const char* kind, hal::Addr addr, std::size_t len, const char* what,
                          const std::string& detail);

  std::string name_;
  ClusterConfig config_;
  Picoseconds period_ps_;
  OsKernel kernel_;
  MemoryWatch watch_;
  CacheControl* dcache_ = nullptr;
  ProbeSink* probe_sink_ = nullptr;
  std::vector<ClusterObserver*> observers_;
  std::vector<SkippedSite> skipped_sites_;
  std::vector<tlm::tlm_generic_payload> payloads_;
  ClusterStats stats_;
};

/// After a run whose results are taken, with the simulation paused (sc_pause or the end of
/// sc_start's duration; not sc_stop, after which no process runs): unwinds the software of
/// `clusters` (OsKernel::unwind_threads) in one more delta cycle, from a process, as SystemC
/// allows a kill only there.
void unwind_software(const std::vector<Cluster*>& clusters);

} // namespace sim::models
