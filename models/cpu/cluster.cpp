// SPDX-License-Identifier: Apache-2.0
#include "models/cpu/cluster.h"

#include <limits>

#include "models/common/log.h"
#include "models/common/model_error.h"
#include "models/common/tlm_util.h"

namespace sim::models {

using sc_core::sc_time;

Cluster::Cluster(const sc_core::sc_module_name& name, const ClusterConfig& config,
                 IrqController& irq)
    : sc_core::sc_module(name), name_(basename()), config_(config),
      period_ps_(period_ps(config.clock_hz)),
      kernel_(basename(), config.cores, period_ps_, config.os, irq), payloads_(config.cores) {
  for (unsigned i = 0; i < config.cores; ++i) {
    cached.push_back(std::make_unique<Socket>(("core" + std::to_string(i) + "_cached").c_str()));
    uncached.push_back(
        std::make_unique<Socket>(("core" + std::to_string(i) + "_uncached").c_str()));
  }
}

void Cluster::boot(const hal::ThreadSpec& main, std::function<void(hal::Hal&)> entry, sc_time at) {
  auto start = [this, main, entry = std::move(entry)]() mutable {
    kernel_.spawn(main, [this, entry] { entry(*this); });
  };
  if (at == sc_core::SC_ZERO_TIME) {
    start();
    return;
  }
  sc_core::sc_spawn(
      [at, start]() mutable {
        sc_core::wait(at);
        start();
      },
      sc_core::sc_gen_unique_name("boot"));
}

// ---- memory ------------------------------------------------------------------------------------

void Cluster::fault(const char* kind, hal::Addr addr, std::size_t len, const char* what,
                    const std::string& detail) {
  PanicInfo info;
  info.kind = kind;
  info.address = addr;
  info.has_address = true;
  info.context = std::string(what) + " of " + std::to_string(len) + " byte(s) at " +
                 format_hex(addr) + ": " + detail;
  kernel_.panic(info);
}

void Cluster::transport(Path path, tlm::tlm_command cmd, hal::Addr addr, unsigned char* data,
                        std::size_t len, const char* what, bool device) {
  CoreContext& c = kernel_.current_core();
  tlm::tlm_generic_payload& p = payloads_[c.index];
  p.set_command(cmd);
  p.set_address(addr);
  p.set_data_ptr(data);
  p.set_data_length(static_cast<unsigned>(len));
  p.set_streaming_width(static_cast<unsigned>(len));
  p.set_byte_enable_ptr(nullptr);
  p.set_dmi_allowed(false);
  p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  sc_time delay = c.qk.get_local_time();
  Socket& socket = path == Path::kCached ? *cached[c.index] : *uncached[c.index];
  socket->b_transport(p, delay);
  c.qk.set(delay);
  if (!p.is_response_ok()) fault("bus_error", addr, len, what, p.get_response_string());
  // Observers hear the access before a sync lets the other cluster run.
  if (path == Path::kUncached) notify_uncached(cmd, addr, data, len, device);
  if (c.qk.need_sync()) kernel_.sync();
}

void Cluster::access(tlm::tlm_command cmd, hal::Addr addr, unsigned char* data, std::size_t len,
                     const char* what) {
  kernel_.enter();
  const MmuRegion* region = config_.mmu.lookup(addr, len);
  if (region == nullptr)
    fault("mmu_fault", addr, len, what,
          "no MMU region of " + name_ + " covers it; regions:\n" + config_.mmu.describe());
  if (cmd == tlm::TLM_READ_COMMAND)
    ++stats_.reads;
  else
    ++stats_.writes;
  if (region->attr == MemAttr::kDevice) kernel_.sync();
  const bool via_cache = region->attr == MemAttr::kNormalWb;
  transport(via_cache ? Path::kCached : Path::kUncached, cmd, addr, data, len, what,
            region->attr == MemAttr::kDevice);
}

void Cluster::access_as(MemAttr attr, bool write, hal::Addr addr, void* data, std::size_t len) {
  kernel_.enter();
  const tlm::tlm_command cmd = write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND;
  const bool device = attr == MemAttr::kDevice;
  if (device)
    ++(write ? stats_.mmio_writes : stats_.mmio_reads);
  else
    ++(write ? stats_.writes : stats_.reads);
  if (device) kernel_.sync();
  transport(attr == MemAttr::kNormalWb ? Path::kCached : Path::kUncached, cmd, addr,
            static_cast<unsigned char*>(data), len, write ? "write" : "read", device);
}

void Cluster::notify_uncached(tlm::tlm_command cmd, hal::Addr addr, const unsigned char* data,
                              std::size_t len, bool device) {
  if (observers_.empty()) return;
  const Picoseconds when = sc_to_ps(kernel_.local_now());
  for (ClusterObserver* o : observers_)
    o->on_uncached(cmd == tlm::TLM_WRITE_COMMAND, addr, data, static_cast<unsigned>(len), device,
                   when);
}

void Cluster::read(hal::Addr addr, void* dst, std::size_t len) {
  if (len > 0) access(tlm::TLM_READ_COMMAND, addr, static_cast<unsigned char*>(dst), len, "read");
}

void Cluster::write(hal::Addr addr, const void* src, std::size_t len) {
  if (len == 0) return;
  // The payload needs a mutable pointer; targets only read from it on writes.
  access(tlm::TLM_WRITE_COMMAND, addr, static_cast<unsigned char*>(const_cast<void*>(src)), len,
         "write");
}

std::uint32_t Cluster::mmio_read32(hal::Addr addr) {
  kernel_.enter();
  ++stats_.mmio_reads;
  kernel_.sync();
  std::uint32_t v = 0;
  const MmuRegion* region = config_.mmu.lookup(addr, 4);
  if (region == nullptr) fault("mmu_fault", addr, 4, "mmio read", "device not mapped");
  transport(Path::kUncached, tlm::TLM_READ_COMMAND, addr, reinterpret_cast<unsigned char*>(&v), 4,
            "mmio read", true);
  return v;
}

void Cluster::mmio_write32(hal::Addr addr, std::uint32_t value) {
  kernel_.enter();
  ++stats_.mmio_writes;
  kernel_.sync();
  const MmuRegion* region = config_.mmu.lookup(addr, 4);
  if (region == nullptr) fault("mmu_fault", addr, 4, "mmio write", "device not mapped");
  transport(Path::kUncached, tlm::TLM_WRITE_COMMAND, addr, reinterpret_cast<unsigned char*>(&value),
            4, "mmio write", true);
}

// ---- cache maintenance -------------------------------------------------------------------------

void Cluster::maintenance(hal::Addr addr, std::size_t len, const char* op, const char* site,
                          void (CacheControl::*fn)(std::uint64_t, std::uint64_t, sc_time&),
                          bool check_map) {
  kernel_.enter();
  ++stats_.cache_ops;
  // DC by VA needs a valid translation: maintenance of an unmapped range faults like an access.
  if (check_map && len > 0 && config_.mmu.lookup(addr, len) == nullptr)
    fault("mmu_fault", addr, len, op, std::string("cache maintenance at site ") + site);
  if (len == 0) return;
  CoreContext& c = kernel_.current_core();
  sc_time delay = c.qk.get_local_time();
  const Picoseconds when = sc_to_ps(sc_core::sc_time_stamp() + delay);
  bool skipped = false;
  for (SkippedSite& s : skipped_sites_) {
    if (s.site != site) continue;
    ++s.calls;
    if (s.nth == 0 || s.calls == s.nth) {
      skipped = true;
      s.fired.push_back(when);
    }
  }
  for (ClusterObserver* o : observers_) o->on_maintenance(op, site, addr, len, skipped, when);
  if (skipped) {
    // The instruction is not there: no effect and no cost.
    ++stats_.cache_ops_skipped;
    for (ClusterObserver* o : observers_) o->on_maintenance_done();
    return;
  }
  if (dcache_ == nullptr) {
    // No cache: the request has no effect and costs nothing.
    for (ClusterObserver* o : observers_) o->on_maintenance_done();
    return;
  }
  (dcache_->*fn)(addr, len, delay);
  for (ClusterObserver* o : observers_) o->on_maintenance_done();
  c.qk.set(delay);
  if (c.qk.need_sync()) kernel_.sync();
}

void Cluster::dcache_clean(hal::Addr addr, std::size_t len, const char* site) {
  maintenance(addr, len, "dcache clean", site, &CacheControl::clean);
}

void Cluster::dcache_invalidate(hal::Addr addr, std::size_t len, const char* site) {
  maintenance(addr, len, "dcache invalidate", site, &CacheControl::invalidate);
}

void Cluster::dcache_clean_invalidate(hal::Addr addr, std::size_t len, const char* site) {
  maintenance(addr, len, "dcache clean+invalidate", site, &CacheControl::clean_invalidate);
}

void Cluster::dc_by_va(DcKind kind, hal::Addr addr, std::size_t len, const char* site) {
  switch (kind) {
  case DcKind::kClean:
    return maintenance(addr, len, "dcache clean", site, &CacheControl::clean, false);
  case DcKind::kInvalidate:
    return maintenance(addr, len, "dcache invalidate", site, &CacheControl::invalidate, false);
  case DcKind::kCleanInvalidate:
    return maintenance(addr, len, "dcache clean+invalidate", site, &CacheControl::clean_invalidate,
                       false);
  }
}

void Cluster::barrier() {
  kernel_.enter();
  ++stats_.barriers;
  kernel_.advance(config_.os.barrier);
}

// ---- time --------------------------------------------------------------------------------------

hal::SimTime Cluster::now() {
  kernel_.enter();
  return sc_to_ps(kernel_.local_now());
}

void Cluster::spend(std::uint64_t cycles) {
  kernel_.enter();
  kernel_.advance(cycles * period_ps_);
}

void Cluster::busy_wait(hal::SimTime duration) {
  kernel_.enter();
  const sc_time deadline = kernel_.local_now() + ps_to_sc(duration);
  while (kernel_.spin(nullptr, nullptr, deadline)) {
  }
}

void Cluster::sleep(hal::SimTime duration) {
  kernel_.sleep(duration);
}

bool Cluster::poll(hal::Addr addr, std::size_t len, const std::function<bool()>& condition,
                   hal::SimTime timeout) {
  kernel_.enter();
  ++stats_.polls;
  const sc_time forever = sc_core::sc_max_time();
  const sc_time now = kernel_.local_now();
  const sc_time deadline = timeout == hal::kForever || ps_to_sc(timeout) > forever - now
                               ? forever
                               : now + ps_to_sc(timeout);
  for (;;) {
    // Watch before reading, so a write landing while this core still runs ahead is not missed.
    MemoryWatch::Scope scope(watch_, addr, len);
    if (condition()) return true;
    if (kernel_.local_now() >= deadline) return false;
    if (!kernel_.spin(&scope.event(), scope.touched(), deadline)) return condition();
    ++stats_.poll_wakeups;
  }
}

// ---- console, logs, probes, panics -------------------------------------------------------------

void Cluster::console(std::string_view text) {
  kernel_.enter();
  if (!config_.uart_base) return;
  // Like a polled console driver: every character is a UART data-register write; the UART stalls
  // the write while its FIFO is full, so the core pays the characters' time on the wire.
  CoreActivityObserver* observer = kernel_.activity_observer();
  const unsigned core = kernel_.current_core().index;
  const std::uint64_t begin = sc_to_ps(kernel_.local_now());
  if (observer != nullptr) observer->on_console_begin(name_, core, kernel_.current_thread(), begin);
  for (char ch : text) {
    ++stats_.console_chars;
    wait_for_console_space();
    mmio_write32(*config_.uart_base, static_cast<unsigned char>(ch));
  }
  if (observer != nullptr)
    observer->on_console(name_, core, kernel_.current_thread(), text, begin,
                         sc_to_ps(kernel_.local_now()));
}

void Cluster::wait_for_console_space() {
  // A polled console driver spins on UARTFR.TXFF before each character: Zephyr's
  // pl011_poll_out (drivers/serial/uart_pl011.c) with interrupts enabled, so an interrupt that
  // arrives meanwhile is taken at once and the spin resumes after it; Linux 5.10 prints a record
  // with interrupts masked (sw/linux/printk.cpp), so nothing is served. An interrupt context
  // cannot be interrupted: it stalls on the write instead.
  if (!config_.console_space_at || !kernel_.has_current() || kernel_.in_isr()) return;
  const Picoseconds asked = sc_to_ps(kernel_.local_now());
  for (;;) {
    const Picoseconds now = sc_to_ps(kernel_.local_now());
    const Picoseconds free_at = config_.console_space_at(now);
    if (free_at <= now) break;
    kernel_.spin(nullptr, nullptr, ps_to_sc(free_at));
  }
  if (config_.console_waited) config_.console_waited(sc_to_ps(kernel_.local_now()) - asked);
}

void Cluster::log(hal::LogLevel level, std::string_view component, std::string_view text) {
  log::Level l = level == hal::LogLevel::kError  ? log::Level::kError
                 : level == hal::LogLevel::kWarn ? log::Level::kWarn
                 : level == hal::LogLevel::kInfo ? log::Level::kInfo
                                                 : log::Level::kDebug;
  SIM_LOG(l, component, text);
}

void Cluster::probe(const hal::ProbeEvent& event) {
  if (probe_sink_ == nullptr) return;
  // The RPMsg stacks and applications that report probes run only on the two sides.
  if (!config_.side) throw ModelError("a probe from cluster " + name_ + ", which plays no side");
  std::uint64_t t =
      kernel_.has_current() ? sc_to_ps(kernel_.local_now()) : sc_to_ps(sc_core::sc_time_stamp());
  probe_sink_->on_probe(*config_.side, kernel_.current_thread(), event, t);
}

void Cluster::panic(std::string_view reason) {
  PanicInfo info;
  info.kind = "software_panic";
  info.context = std::string(reason);
  kernel_.panic(info);
}

void unwind_software(const std::vector<Cluster*>& clusters) {
  if (sc_core::sc_get_status() != sc_core::SC_PAUSED) return;
  sc_core::sc_spawn(
      [clusters] {
        for (Cluster* c : clusters) c->kernel().unwind_threads();
      },
      "unwind_software");
  sc_core::sc_start(sc_core::SC_ZERO_TIME);
}

} // namespace sim::models
