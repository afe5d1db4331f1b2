//! A workspace open in two tabs (see `domain::revision`): what each version holds and
//! where two versions differ, for the notice that lets the coordinator choose.

use super::{label, Workspace, STORAGE_KIND};
use crate::domain::exchange::Timestamp;
use crate::domain::revision::Versioned;
use crate::domain::text::Text;

impl Versioned for Workspace {
    const KIND: &'static str = STORAGE_KIND;

    fn what() -> Text {
        Text::new("ruang kerja ini", "this workspace")
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn framework_id(&self) -> &str {
        &self.framework
    }

    fn updated_at(&self) -> &Timestamp {
        &self.updated_at
    }

    fn summary(&self) -> Text {
        let (f, d) = (self.submissions.len(), self.decisions.len());
        Text::new(
            format!("{f} berkas unit, {d} keputusan"),
            format!("{f} unit files, {d} decisions"),
        )
    }

    fn differences(&self, other: &Workspace) -> Text {
        // Unit files (by content digest) held by one version only.
        let only = |a: &Workspace, b: &Workspace| -> Vec<String> {
            a.submissions
                .iter()
                .filter(|s| !b.submissions.iter().any(|t| t.digest == s.digest))
                .map(|s| match s.file_name.is_empty() {
                    true => label(&s.unit),
                    false => format!("{} ({})", label(&s.unit), s.file_name),
                })
                .collect()
        };
        let mut id = Vec::new();
        let mut en = Vec::new();
        let here = only(self, other);
        if !here.is_empty() {
            let l = here.join(", ");
            id.push(format!("Berkas unit yang hanya ada di versi ini: {l}."));
            en.push(format!("Unit files only in this version: {l}."));
        }
        let there = only(other, self);
        if !there.is_empty() {
            let l = there.join(", ");
            id.push(format!("Berkas unit yang hanya ada di versi lain: {l}."));
            en.push(format!("Unit files only in the other version: {l}."));
        }
        if self.decisions != other.decisions {
            let (a, b) = (self.decisions.len(), other.decisions.len());
            id.push(format!(
                "Keputusan konflik berbeda ({a} di versi ini, {b} di versi lain)."
            ));
            en.push(format!(
                "The conflict decisions differ ({a} in this version, {b} in the other)."
            ));
        }
        if (&self.units, &self.assignments) != (&other.units, &other.assignments) {
            id.push("Daftar unit atau penugasan berbeda.".to_string());
            en.push("The units or assignments differ.".to_string());
        }
        if (&self.name, &self.coordinator) != (&other.name, &other.coordinator) {
            id.push("Nama ruang kerja atau koordinator berbeda.".to_string());
            en.push("The workspace name or coordinator differ.".to_string());
        }
        Text::new(id.join(" "), en.join(" "))
    }

    fn copy_as(&self, id: String, suffix: &str, now: &Timestamp) -> Workspace {
        Workspace {
            id,
            name: format!("{} ({suffix})", self.name),
            created_at: now.clone(),
            updated_at: now.clone(),
            ..self.clone()
        }
    }
}
