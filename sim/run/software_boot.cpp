// SPDX-License-Identifier: Apache-2.0
#include "sim/run/software_boot.h"

#include "models/common/tlm_util.h"
#include "sim/scenario/device_tree_view.h"
#include "sim/scenario/remote_image.h"

namespace sim::app {

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
