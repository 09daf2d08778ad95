import { api } from '../api';
import type { BackupsSlice, SliceCreator } from './types';

export const createBackupsSlice: SliceCreator<BackupsSlice> = (set, get) => ({
  dbPath: '',
  damage: null,
  backups: null,
  restoreCandidate: null,
  async loadBackups() {
    try {
      set({ backups: await api['backups-list']() });
    } catch (error) {
      get().report(error);
    }
  },
  async backUpNow() {
    try {
      const backup = await api['backup-create']();
      set({ notice: `Backed up to ${backup.file}` });
      await get().loadBackups();
    } catch (error) {
      get().report(error);
    }
  },
  askRestore(backup) {
    set({ restoreCandidate: backup });
  },
  async restore() {
    const backup = get().restoreCandidate;
    if (!backup) return;
    try {
      await api['backup-restore']({ name: backup.name });
      // Every console reloads on the database-restored event; this one too, should the event be missed.
      window.location.reload();
    } catch (error) {
      set({ restoreCandidate: null });
      get().report(error);
    }
  },
});
