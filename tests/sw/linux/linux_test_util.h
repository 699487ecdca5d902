// SPDX-License-Identifier: Apache-2.0
#pragma once
// Helpers for the Linux stack's platform tests: booting Linux on the master cluster, reading
// DRAM after the run (debug transport, no simulated cost) and a test rpmsg driver that records
// what the bus did to it.

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sw/linux/linux.h"
#include "sw/shm/layout.h"
#include "tests/support/platform_fixture.h"
#include "tests/sw/linux/scripted_remote.h"

namespace sim::test {

// The reference board's RPMsg layout as the Linux tests check it.
constexpr std::uint64_t kTable = ScriptedRemote::kTable;
constexpr std::uint64_t kVring0 = ScriptedRemote::kVring0;
constexpr std::uint64_t kVring1 = ScriptedRemote::kVring1;
constexpr std::uint64_t kBuffers = 0x200ca000;
inline const sw::shm::VringLayout kLayout{8, 16};

inline sc_core::sc_time ms(double v) {
  return sc_core::sc_time(v, sc_core::SC_MS);
}

inline sw::lnx::LinuxOptions quiet_linux() {
  sw::lnx::LinuxOptions o;
  o.console = false;
  return o;
}

/// Boots the Linux model on the master's init thread; `status` must outlive the run.
inline void boot_linux(PlatformFixture& f, const sw::lnx::LinuxOptions& options,
                       std::vector<sw::lnx::RpmsgDriver*> drivers, sw::lnx::LinuxStatus& status) {
  const sw::PlatformInfo info = f.info(Side::kMaster);
  f.boot(Side::kMaster, {"init", 0, false, 0}, [info, options, drivers, &status](hal::Hal& hal) {
    sw::lnx::boot(hal, info, options, drivers, status);
  });
}

/// DRAM contents after (or before) the run.
inline std::vector<std::uint8_t> peek(PlatformFixture& f, std::uint64_t addr, std::size_t len) {
  std::vector<std::uint8_t> out(len);
  f.platform().memory(0).store().read(addr - f.board().memory.at(0).base, out.data(), len);
  return out;
}
template <typename T> T peek_le(PlatformFixture& f, std::uint64_t addr) {
  std::vector<std::uint8_t> b = peek(f, addr, sizeof(T));
  T v;
  std::memcpy(&v, b.data(), sizeof(T));
  return v;
}

inline bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

/// An rpmsg driver that records probes and messages; `on_probe` / `on_message` add behaviour.
class RecordingDriver : public sw::lnx::RpmsgDriver {
public:
  struct Probed {
    std::string name;
    std::uint32_t src;
    std::uint32_t dst;
    std::string dev_name;
  };
  struct Received {
    std::vector<std::uint8_t> payload;
    std::uint32_t src;
  };

  explicit RecordingDriver(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  int probe(sw::lnx::RpmsgDevice& dev) override {
    probed.push_back({dev.name(), dev.src(), dev.dst(), dev.dev_name()});
    device = &dev;
    return on_probe ? on_probe(dev) : 0;
  }
  int callback(sw::lnx::RpmsgDevice& dev, const void* data, std::size_t len,
               std::uint32_t src) override {
    const auto* p = static_cast<const std::uint8_t*>(data);
    received.push_back({std::vector<std::uint8_t>(p, p + len), src});
    return on_message ? on_message(dev) : 0;
  }
  void remove(sw::lnx::RpmsgDevice&) override { ++removed; }

  std::function<int(sw::lnx::RpmsgDevice&)> on_probe;
  std::function<int(sw::lnx::RpmsgDevice&)> on_message;
  std::vector<Probed> probed;
  std::vector<Received> received;
  sw::lnx::RpmsgDevice* device = nullptr;
  int removed = 0;

private:
  std::string name_;
};

/// Boots the scripted remote: mailbox, wait for DRIVER_OK, then `script`.
inline void boot_remote(PlatformFixture& f, std::unique_ptr<ScriptedRemote>& remote,
                        std::function<void(ScriptedRemote&)> script, bool mailbox = true) {
  const sw::PlatformInfo info = f.info(Side::kRemote);
  f.boot(Side::kRemote, {"remote", 5, false, 0}, [&remote, info, script, mailbox](hal::Hal& hal) {
    remote = std::make_unique<ScriptedRemote>(hal, info);
    if (mailbox)
      remote->attach_mailbox();
    else
      remote->startup_mailbox_only();
    if (remote->wait_driver_ok(200 * hal::kMs)) script(*remote);
  });
}

} // namespace sim::test
