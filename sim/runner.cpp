// SPDX-License-Identifier: Apache-2.0
#include "sim/runner.h"

#include <algorithm>
#include <chrono>

#include "models/common/log.h"
#include "models/common/tlm_util.h"
#include "models/platform/platform.h"
#include "sim/faults.h"
#include "sim/shared_symbols.h"
#include "sim/software_boot.h"
#include "sim/trace_recorder.h"
#include "sim/vcd_trace.h"

namespace sim::app {
namespace {

using json = nlohmann::ordered_json;

json cache_stats(const models::CacheStats& s) {
  json j = json::object();
  s.for_each([&](const char* name, std::uint64_t v) { j[name] = v; });
  return j;
}

json mailbox_direction(const models::MailboxDirectionStats& s) {
  return {{"messages", s.messages},
          {"kicks", s.kicks},
          {"cmd_words_popped", s.cmd_words_popped},
          {"cmd_words_dropped", s.cmd_words_dropped},
          {"tx_done_events", s.tx_done_events},
          {"fault_dropped", s.fault_dropped},
          {"fault_duplicated", s.fault_duplicated},
          {"fault_delayed", s.fault_delayed},
          {"max_cmd_level", s.max_cmd_level}};
}

json cpu_stats(models::Cluster& c) {
  const models::ClusterStats& s = c.stats();
  json cores = json::array();
  for (unsigned i = 0; i < c.kernel().cores(); ++i) {
    const models::CoreStats& cs = c.kernel().core(i).stats;
    cores.push_back({{"context_switches", cs.context_switches},
                     {"interrupts", cs.interrupts},
                     {"spurious_interrupts", cs.spurious_interrupts},
                     {"preemptions", cs.preemptions},
                     {"isr_time_ns", cs.isr_time_ps / kPsPerNs},
                     {"idle_time_ns", cs.idle_time_ps / kPsPerNs}});
  }
  return {{"reads", s.reads},
          {"writes", s.writes},
          {"mmio_reads", s.mmio_reads},
          {"mmio_writes", s.mmio_writes},
          {"cache_ops", s.cache_ops},
          {"cache_ops_skipped", s.cache_ops_skipped},
          {"barriers", s.barriers},
          {"polls", s.polls},
          {"poll_wakeups", s.poll_wakeups},
          {"console_chars", s.console_chars},
          {"cores", cores}};
}

json collect_stats(models::Platform& p) {
  json stats;
  for (const char* side : {"master", "remote"}) {
    stats["caches"][side] = cache_stats(p.dcache(side).stats());
    stats["cpus"][side] = cpu_stats(p.cluster(side));
  }
  const models::MailboxLink& link = p.mailbox().link();
  stats["mailbox"]["master_to_remote"] = mailbox_direction(link.stats(models::Terminal::kB));
  stats["mailbox"]["remote_to_master"] = mailbox_direction(link.stats(models::Terminal::kA));
  return stats;
}

/// The vring index fields (avail.idx, used.idx of both rings) among the shared symbols.
std::vector<sw::shm::Symbol> ring_indices(const std::vector<sw::shm::Symbol>& symbols) {
  std::vector<sw::shm::Symbol> out;
  for (const sw::shm::Symbol& s : symbols)
    for (const char* name :
         {"vring0.avail.idx", "vring0.used.idx", "vring1.avail.idx", "vring1.used.idx"})
      if (s.name == name) out.push_back(s);
  return out;
}

} // namespace

RunOutput run_scenario(const Scenario& sc, const RunOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  RunOutput out;
  models::Platform platform("platform", sc.board, sc.seed);
  // Bare programs have their own layout: their bytes are reported by address.
  const auto rpmsg = [](const std::vector<AppInstance>& apps) {
    return std::any_of(apps.begin(), apps.end(), [](const AppInstance& a) { return !a.bare(); });
  };
  const std::vector<sw::shm::Symbol> symbols = rpmsg(sc.master_apps) || rpmsg(sc.remote_apps)
                                                   ? shared_symbols(sc)
                                                   : std::vector<sw::shm::Symbol>{};
  if (sc.sanitizer) {
    models::coherency::CoherencySanitizer& san = platform.enable_coherency_sanitizer();
    for (const sw::shm::Symbol& sym : symbols) {
      try {
        san.add_symbol(sym.addr, sym.size, sym.name);
      } catch (const std::invalid_argument&) {
        // A layout that puts two structures on the same bytes (a misplaced table) is a finding
        // of the run, not an input error; the first name wins.
        SIM_WARN("coherency", "symbol " << sym.name << " at " << format_hex(sym.addr)
                                        << " overlaps another; not named");
      }
    }
  }
  std::unique_ptr<TraceRecorder> timeline;
  std::unique_ptr<VcdTrace> vcd;
  if (options.trace || !options.vcd.empty()) {
    const std::vector<sw::shm::Symbol> indices = ring_indices(symbols);
    timeline = std::make_unique<TraceRecorder>(platform, indices);
    if (models::coherency::CoherencySanitizer* san = platform.sanitizer()) timeline->watch(*san);
    if (!options.vcd.empty()) {
      std::vector<std::string> counters = {"cmd FIFO " + TraceRecorder::direction("master"),
                                           "cmd FIFO " + TraceRecorder::direction("remote")};
      for (const sw::shm::Symbol& s : indices) counters.push_back(s.name);
      vcd = std::make_unique<VcdTrace>(platform, options.vcd, counters);
      timeline->on_counter([v = vcd.get()](const TraceCounter& c) { v->on_counter(c); });
    }
  }
  arm_faults(sc.faults, platform);
  Ledger ledger({"master", "remote"});
  CoreActivityRecorder activity(options.trace);
  for (const char* side : {"master", "remote"}) {
    models::OsKernel& kernel = platform.cluster(side).kernel();
    kernel.set_activity_observer(&activity.cluster(side, kernel.cores()));
  }
  platform.mailbox().on_send([&ledger](models::Terminal t, bool delivered, sc_core::sc_time when) {
    ledger.on_kick(models::Platform::side_of(t), delivered, sc_to_ps(when));
  });
  platform.mailbox().on_pin_change(
      [&ledger](models::Terminal t, models::IrqKind kind, bool level, sc_core::sc_time when) {
        if (kind == models::IrqKind::kRx)
          ledger.on_rx_irq(models::Platform::side_of(t), level, sc_to_ps(when));
      });
  SoftwareBoot software(platform, sc, ledger);
  // Once every awaited application is done, let in-flight work settle (a last echo, an NS
  // destroy) and the consoles finish what is in their FIFOs, then stop.
  sc_core::sc_spawn(
      [&] {
        // Nothing to finish on (only servers): the run goes to stop_at.
        if (!software.awaits_any()) return;
        if (!software.all_done()) sc_core::wait(software.finished());
        if (software.all_done()) sc_core::wait(ps_to_sc(sc.settle));
        for (const char* side : {"master", "remote"}) {
          if (models::Uart* u = platform.uart(side)) {
            const models::UartCore& core = u->core();
            Picoseconds now = sc_to_ps(sc_core::sc_time_stamp());
            unsigned level = core.fifo_level(now);
            if (level > 0) sc_core::wait(ps_to_sc((level + 1) * core.char_time()));
          }
        }
        sc_core::sc_stop();
      },
      "stop_when_done");

  sc_core::sc_start(ps_to_sc(sc.stop_at));

  RunResult& r = out.result;
  r.sim_time_ps = sc_to_ps(sc_core::sc_time_stamp());
  for (const char* side : {"master", "remote"}) {
    models::Cluster& cluster = platform.cluster(side);
    cluster.kernel().finish_accounting();
    if (cluster.panic_info()) r.panics.push_back(*cluster.panic_info());
    if (models::Uart* u = platform.uart(side)) {
      r.console[side] = u->output();
      for (const auto& line : u->lines())
        out.console_lines.emplace_back(side, "[" + format_time(line.time) + "] " + line.text);
    }
  }
  r.outcome = !r.panics.empty()          ? "panic"
              : software.attach_failed() ? "attach_failed"
              : software.all_done()      ? "completed"
                                         : "timeout";
  if (const sw::lnx::LinuxStatus* l = software.linux_status()) {
    out.linux_status = *l;
    r.attach_error = l->attach_error;
    r.channels = l->channels_created;
    r.linux_counters = linux_counters(*l);
  }
  if (const sw::zephyr::ZephyrStatus* z = software.zephyr_status()) {
    out.zephyr_status = *z;
    r.zephyr_counters = zephyr_counters(*z);
    r.zephyr_error = z->error;
    r.zephyr_images = software.zephyr_images().size();
  }
  r.nothing_awaited = !software.awaits_any();
  r.faults = fault_records(sc.faults, platform, software.linux_status(), software.zephyr_images(),
                           software.restarted_at());
  if (const models::coherency::CoherencySanitizer* san = platform.sanitizer()) {
    r.coherency.enabled = true;
    r.coherency.findings = san->findings();
    r.coherency.by_kind = san->by_kind();
    r.coherency.stats = san->stats();
  }
  activity.finish(r.sim_time_ps);
  vcd.reset(); // closes the file
  std::vector<std::string> halted;
  for (const models::PanicInfo& p : r.panics) halted.push_back(p.cluster);
  ledger.finish(r.sim_time_ps, halted);
  r.message_log = ledger.records();
  r.messages = ledger.summary(r.message_log);
  r.ledger_notes = ledger.notes();
  out.timing = summarize_timing(r.message_log, activity.usage());
  out.stats = collect_stats(platform);
  if (options.trace) {
    std::vector<TraceMark> marks = timeline->marks();
    for (const FaultRecord& f : r.faults)
      for (Picoseconds when : f.fired)
        marks.push_back({f.spec.cluster, "", when, "fault", "fault " + f.description, {}});
    out.trace = TraceData{sc.name,
                          activity.slices(),
                          activity.console_slices(),
                          timeline->instants(),
                          timeline->counters(),
                          std::move(marks),
                          r.message_log};
  }
  out.expectations = evaluate(sc.expect, r);
  r.wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall_start)
          .count();
  return out;
}

} // namespace sim::app
