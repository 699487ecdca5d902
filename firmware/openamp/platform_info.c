/* SPDX-License-Identifier: Apache-2.0 */
/* The remote's RPMsg platform on the TCC807x main core (ipcsim's own), in the shape of Zephyr
   3.7's samples/subsys/ipc/openamp_rsc_table (main_remote.c) so that the real OpenAMP library
   runs the same sequence as the port: the resource table and the shared memory as libmetal I/O
   regions (identity-mapped), rproc_virtio_create_vdev on the table's vdev, a wait for the
   master's DRIVER_OK, both vrings from the table, the buffer pool over vdev0buffer, rpmsg_init_vdev
   as the device. A kick to the master is one command word (the vring's notify id) on the TCC
   mailbox; a kick from it raises SPI 240, whose handler drains the words and lets platform_poll
   hand vring 1's notification to OpenAMP (rproc_virtio_notified, as the sample's rpmsg_mng_task
   does). platform_poll sleeps in WFI with interrupts masked, so a kick is never missed between
   the check and the sleep. */
#include "platform_info.h"

#include <metal/device.h>
#include <metal/io.h>
#include <metal/irq.h>
#include <metal/sys.h>
#include <openamp/remoteproc_virtio.h>
#include <stdio.h>

#include "bsp.h"
#include "ipcsim_probe.h"
#include "rsc_table.h"

#define MBOX_RX_INTID (32u + BSP_MBOX_SPI_RX)

#define VDEV_ID 0xff
#define VRING1_ID 1
#define SHM_START RSC_VRING0_ADDRESS
#define SHM_SIZE (SHM_BUFFER_ADDRESS + SHM_BUFFER_SIZE - RSC_VRING0_ADDRESS)

static struct metal_io_region shm_io, rsc_io;
static metal_phys_addr_t shm_physmap = SHM_START, rsc_physmap = RSC_TABLE_ADDRESS;
static struct rpmsg_virtio_shm_pool shpool;
static struct rpmsg_virtio_device rvdev;
static struct virtio_device* vdev;
static struct fw_resource_table* rsc;
static volatile unsigned kicks_received;

void bsp_irq_handler(unsigned intid) {
  if (intid != MBOX_RX_INTID) return;
  if (bsp_mbox_receive(NULL) != 0) ++kicks_received;
}

static int mailbox_notify(void* priv, uint32_t id) {
  (void)priv;
  /* A busy mailbox loses the kick, as Zephyr's sample never checks ipm_send's result; ipcsim
     hears of both, as the modelled sample reports them. */
  if (bsp_mbox_send(id) == 0)
    ipcsim_kick_sent();
  else
    ipcsim_kick_lost();
  return 0;
}

int platform_init(int argc, char* argv[], void** platform) {
  (void)argc;
  (void)argv;
  struct metal_init_params params = METAL_INIT_DEFAULTS;
  if (metal_init(&params)) return -1;
  size_t size = 0;
  rsc = rsc_table_get(&size);
  metal_io_init(&rsc_io, rsc, &rsc_physmap, size, (unsigned)-1, 0, NULL);
  metal_io_init(&shm_io, (void*)(uintptr_t)SHM_START, &shm_physmap, SHM_SIZE, (unsigned)-1, 0,
                NULL);
  bsp_mbox_startup();
  bsp_irq_enable(MBOX_RX_INTID, 0xa0);
  irq_enable_cpu();
  *platform = &rvdev;
  return 0;
}

struct rpmsg_device* platform_create_rpmsg_vdev(void* platform, unsigned int vdev_index,
                                                unsigned int role,
                                                void (*rst_cb)(struct virtio_device* vdev),
                                                rpmsg_ns_bind_cb ns_bind_cb) {
  (void)platform;
  (void)vdev_index;
  vdev = rproc_virtio_create_vdev(role, VDEV_ID, &rsc->vdev, &rsc_io, NULL, mailbox_notify, rst_cb);
  if (!vdev) return NULL;
  rproc_virtio_wait_remote_ready(vdev);
  if (rproc_virtio_init_vring(vdev, 0, rsc->vring0.notifyid, (void*)(uintptr_t)rsc->vring0.da,
                              &shm_io, rsc->vring0.num, rsc->vring0.align) ||
      rproc_virtio_init_vring(vdev, 1, rsc->vring1.notifyid, (void*)(uintptr_t)rsc->vring1.da,
                              &shm_io, rsc->vring1.num, rsc->vring1.align))
    return NULL;
  rpmsg_virtio_init_shm_pool(&shpool, (void*)(uintptr_t)SHM_BUFFER_ADDRESS, SHM_BUFFER_SIZE);
  if (rpmsg_init_vdev(&rvdev, vdev, ns_bind_cb, &shm_io, &shpool)) return NULL;
  return rpmsg_virtio_get_rpmsg_device(&rvdev);
}

int platform_poll(void* platform) {
  (void)platform;
  for (;;) {
    irq_disable_cpu();
    if (kicks_received != 0) {
      kicks_received = 0;
      irq_enable_cpu();
      rproc_virtio_notified(vdev, VRING1_ID);
      return 0;
    }
    wfi(); /* wakes on a pending interrupt even while masked; taken once unmasked */
    irq_enable_cpu();
  }
}

void platform_release_rpmsg_vdev(struct rpmsg_device* rpdev, void* platform) {
  (void)rpdev;
  (void)platform;
  rpmsg_deinit_vdev(&rvdev);
}

void platform_cleanup(void* platform) {
  (void)platform;
  metal_finish();
}

/* picolibc's stdout: the application's printf lines go to UART0. */
static int uart_put(char c, FILE* file) {
  (void)file;
  char s[2] = {c, 0};
  bsp_puts(s);
  return (unsigned char)c;
}
static FILE uart_stdout = FDEV_SETUP_STREAM(uart_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE* const stdout = &uart_stdout;
FILE* const stderr = &uart_stdout;

/* picolibc's process hooks on bare metal: a normal exit sleeps; abort() (via raise) stops at a
   BRK, which the ISS reports as a firmware panic with the PC. */
void _exit(int code) {
  if (code != 0) __asm__ volatile("brk #0xa0");
  for (;;) wfi();
}
int getpid(void) {
  return 1;
}
int kill(int pid, int sig) {
  (void)pid;
  _exit(128 + sig);
}
