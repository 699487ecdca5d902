// SPDX-License-Identifier: Apache-2.0
#include "sim/run/software_boot.h"

#include "models/common/tlm_util.h"
#include "models/platform/iss_map.h"
#include "sim/scenario/device_tree_view.h"
#include "sim/scenario/remote_image.h"

namespace sim::app {
namespace {

/// [addr, addr+len) through the D-cache as its core would read it now (debug transport: no
/// time, no state change).
bool debug_read(models::Cache& dcache, std::uint64_t addr, void* out, std::size_t len) {
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(addr);
  p.set_data_ptr(static_cast<unsigned char*>(out));
  p.set_data_length(static_cast<unsigned>(len));
  p.set_streaming_width(static_cast<unsigned>(len));
  return dcache.cpu_side.get_base_interface().transport_dbg(p) == len;
}

} // namespace

SoftwareBoot::SoftwareBoot(models::Platform& platform, const Scenario& sc,
                           models::ProbeSink& probes)
    : finished_(sc_core::sc_gen_unique_name("software_finished")) {
  for (Side side : kSides) {
    models::Cluster& cluster = platform.cluster(side);
    cluster.set_probe_sink(&probes);
    const sw::PlatformInfo info = device_tree_view(sc.board, side, sc.seed);
    const bool master = side == Side::kMaster;
    for (const AppInstance& app : master ? sc.master_apps : sc.remote_apps) {
      if (app.awaited) ++awaited_, ++remaining_;
      AppInstance::Done done = [this, awaited = app.awaited] {
        if (awaited) app_done();
      };
      if (!master && !app.bare()) continue; // the Zephyr image's: boot_zephyr() makes them
      if (app.bare()) {
        auto main = app.main;
        cluster.boot(app.thread, [main, info, done](hal::Hal& hal) {
          main(hal, info);
          done();
        });
      } else {
        drivers_.push_back(app.make_linux_driver(done));
      }
    }
  }

  if (sc.remote.firmware_image) boot_firmware(platform, sc);
  for (const AppInstance& app : sc.remote_apps)
    if (!app.bare()) zephyr_booted_ = true;
  if (zephyr_booted_) {
    remote_done_.assign(sc.remote_apps.size(), false);
    // The table is part of the image: in DRAM before anything runs.
    load_into_dram(platform, sc.remote.image.rsc_table, remote_table_bytes(sc.remote.image));
    boot_zephyr(platform, sc, ps_to_sc(sc.remote.boot_at));
    if (sc.remote.restart_at > 0) schedule_restart(platform, sc);
  }
  if (!drivers_.empty()) {
    linux_booted_ = true;
    std::vector<sw::lnx::RpmsgDriver*> drivers;
    for (auto& d : drivers_) drivers.push_back(d.get());
    const sw::PlatformInfo info = device_tree_view(sc.board, Side::kMaster, sc.seed);
    const unsigned core = sc.master.kernel.core;
    platform.cluster(Side::kMaster)
        .boot({"init", 0, false, core}, [this, drivers, info, &sc](hal::Hal& hal) {
          sw::lnx::boot(hal, info, sc.master.kernel, drivers, linux_);
          linux_done_ = true;
          if (!linux_.attached) finished_.notify(sc_core::SC_ZERO_TIME);
        });
  }
}

void SoftwareBoot::boot_zephyr(models::Platform& platform, const Scenario& sc,
                               sc_core::sc_time at) {
  // The previous image's applications died with its threads; kept alive for anything of theirs
  // the retired kernel objects still point to.
  for (auto& a : zephyr_apps_) retired_zephyr_apps_.push_back(std::move(a));
  zephyr_apps_.clear();
  for (std::size_t i = 0; i < sc.remote_apps.size(); ++i) {
    const AppInstance& app = sc.remote_apps[i];
    if (app.bare()) continue;
    // An application counts as done once, whichever image generation finished it.
    zephyr_apps_.push_back(app.make_zephyr_app([this, i, awaited = app.awaited] {
      if (!awaited || remote_done_[i]) return;
      remote_done_[i] = true;
      app_done();
    }));
  }
  std::vector<sw::zephyr::ZephyrApp*> apps;
  for (auto& a : zephyr_apps_) apps.push_back(a.get());
  const sw::PlatformInfo info = device_tree_view(sc.board, Side::kRemote, sc.seed);
  sw::zephyr::ZephyrStatus* status = &zephyr_.emplace_back();
  platform.cluster(Side::kRemote)
      .boot(
          {"main", 0, false, 0},
          [apps, info, &sc, status](hal::Hal& hal) {
            sw::zephyr::boot(hal, info, sc.remote.image, apps, *status);
          },
          at);
}

void SoftwareBoot::boot_firmware(models::Platform& platform, const Scenario& sc) {
  const artefacts::FirmwareImage& image = *sc.remote.firmware_image;
  models::iss::FirmwareCpuConfig config = models::firmware_cpu_config(sc.board, Side::kRemote);
  if (models::Uart* uart = platform.uart(Side::kRemote)) {
    config.uart_base = sc.board.cluster(Side::kRemote).uart->base;
    config.uart_space_at = [uart](Picoseconds now) { return uart->core().space_at(now); };
  }
  models::iss::FirmwareLoad load;
  load.entry = image.entry;
  for (const artefacts::ElfSegment& s : image.segments) {
    bool shared = false;
    for (const models::iss::AddressRange& r : config.shared)
      shared = shared || r.contains(s.address);
    // A segment in a carve-out (the resource table) is in DRAM before anything runs, as the boot
    // loader leaves it; the rest is the core's own RAM. (Checked to fit when the scenario loaded.)
    if (shared) {
      std::vector<std::uint8_t> bytes = s.bytes;
      bytes.resize(s.size, 0); // .bss-like tail: zero, as a loader leaves it
      load_into_dram(platform, s.address, bytes);
    } else if (!s.bytes.empty())
      load.segments.push_back({s.address, s.bytes});
  }
  load.symbolize = [image = sc.remote.firmware_image](std::uint64_t pc) {
    return image->symbolize(pc);
  };
  firmware_ = std::make_unique<models::iss::FirmwareCpu>(
      platform.cluster(Side::kRemote), platform.irq(Side::kRemote), config, std::move(load));
  models::iss::FirmwareCpu* cpu = firmware_.get();
  // The firmware reports no probes: its messages are read from its vring accesses.
  models::Cache* dcache = &platform.dcache(Side::kRemote);
  models::Cluster* cluster = &platform.cluster(Side::kRemote);
  const std::uint64_t table =
      image.resource_table ? image.resource_table->address : sc.remote.image.rsc_table;
  firmware_wire_ = std::make_unique<FirmwareWire>(
      table,
      [dcache](std::uint64_t addr, void* out, std::size_t len) {
        return debug_read(*dcache, addr, out, len);
      },
      [cluster](const hal::ProbeEvent& e) { cluster->probe(e); });
  // What the firmware's application says of its messages, read through the core's own view:
  // private RAM from the engine, the carve-outs through the D-cache.
  firmware_probes_ = std::make_unique<FirmwareProbePort>(
      [cpu, dcache, shared = config.shared](std::uint64_t addr, void* out, std::size_t len) {
        for (const models::iss::AddressRange& r : shared)
          if (r.contains(addr)) return debug_read(*dcache, addr, out, len);
        return cpu->engine().read_memory(addr, out, len);
      },
      [cluster](const hal::ProbeEvent& e) { cluster->probe(e); });
  cpu->on_probe_write([port = firmware_probes_.get()](std::uint64_t offset, std::uint32_t value) {
    port->write(offset, value);
  });
  FirmwareWire* wire = firmware_wire_.get();
  cpu->on_shared_access([wire](bool write, std::uint64_t pa, unsigned size, std::uint32_t value) {
    wire->on_access(write, pa, size, value);
  });
  platform.cluster(Side::kRemote)
      .boot(
          {"firmware", 0, false, 0}, [cpu](hal::Hal&) { cpu->run(); }, ps_to_sc(sc.remote.boot_at));
}

void SoftwareBoot::schedule_restart(models::Platform& platform, const Scenario& sc) {
  sc_core::sc_spawn(
      [this, &platform, &sc] {
        sc_core::wait(ps_to_sc(sc.remote.restart_at));
        restarted_at_.push_back(sc_to_ps(sc_core::sc_time_stamp()));
        // A reset: the software stops, the D-cache loses its contents, the boot loader reloads
        // the image (its resource table as built, status 0) and starts it again.
        platform.cluster(Side::kRemote).kernel().reset_begin();
        platform.reset_cache(Side::kRemote);
        const std::vector<std::uint8_t> table = remote_table_bytes(sc.remote.image);
        load_into_dram(platform, sc.remote.image.rsc_table, table);
        if (models::coherency::CoherencySanitizer* s = platform.sanitizer())
          s->image_write(sc.remote.image.rsc_table, table.data(),
                         static_cast<unsigned>(table.size()), sc_to_ps(sc_core::sc_time_stamp()));
        sc_core::wait(ps_to_sc(sc.remote.restart_delay));
        platform.cluster(Side::kRemote).kernel().reset_end();
        boot_zephyr(platform, sc, sc_core::SC_ZERO_TIME);
      },
      "remote_restart");
}

void SoftwareBoot::app_done() {
  if (remaining_ > 0 && --remaining_ == 0) finished_.notify(sc_core::SC_ZERO_TIME);
}

} // namespace sim::app
