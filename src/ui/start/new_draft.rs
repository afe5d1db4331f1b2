//! Starting a new assessment by hand: framework, institution, period and unit.

use crate::adapters::{clock, storage};
use crate::domain::catalogue::{default_framework_id, summary, units};
use crate::domain::draft::{unit_for_name, Draft};
use crate::domain::text::Lang;
use crate::ui::i18n::{lang, tr};
use crate::ui::route::Route;
use crate::ui::state::{navigate, notify, NoticeKind, DRAFTS};
use crate::ui::widgets::FrameworkChoice;
use leptos::prelude::*;

#[component]
pub fn NewDraftForm() -> impl IntoView {
    let lang = lang();
    let fw_id = RwSignal::new(default_framework_id());
    let institution = RwSignal::new(String::new());
    let (period, period_typed) = crate::ui::widgets::period_following(fw_id);
    let unit_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (inst, per, uname) = (institution.get(), period.get(), unit_name.get());
        if inst.trim().is_empty() || per.trim().is_empty() || uname.trim().is_empty() {
            error.set(Some(match lang.get_untracked() {
                Lang::Id => "Lengkapi nama instansi, periode dan nama unit kerja.",
                Lang::En => "Fill in the institution, period and unit name.",
            }));
            return;
        }
        let Some(fw) = summary(&fw_id.get()) else {
            return;
        };
        let now = clock::now();
        let draft = Draft::new(
            clock::new_id(),
            fw,
            inst.trim().into(),
            per.trim().into(),
            unit_for_name(&uname),
            &now,
        );
        match storage::store().save(DRAFTS, &draft.id, &draft) {
            Ok(()) => navigate(&Route::Fill {
                draft: draft.id,
                indicator: None,
            }),
            Err(e) => notify(NoticeKind::Error, e.message()),
        }
    };

    let unit_options = units()
        .iter()
        .map(|u| view! { <option value=format!("{} — {}", u.short, u.name.id)></option> })
        .collect_view();

    view! {
        <section class="card" aria-labelledby="new-title">
            <h2 id="new-title">{tr("Mulai penilaian baru", "Start a new assessment")}</h2>
            <form on:submit=submit novalidate>
                <FrameworkChoice name="fw" selected=fw_id/>
                <div class="field">
                    <label for="new-institution">{tr("Nama instansi", "Institution")}</label>
                    <input id="new-institution" type="text" autocomplete="organization"
                        placeholder=tr("mis. Pemerintah Kabupaten Karanganyar", "e.g. Pemerintah Kabupaten Karanganyar")
                        prop:value=move || institution.get() on:input=move |ev| institution.set(event_target_value(&ev))/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="new-period">{tr("Periode", "Period")}</label>
                        <input id="new-period" type="text" inputmode="numeric" size="6"
                            prop:value=move || period.get() on:input=move |ev| { period_typed.set(true); period.set(event_target_value(&ev)) }/>
                    </div>
                    <div class="field grow">
                        <label for="new-unit">{tr("Unit kerja (SKPD/OPD)", "Unit (SKPD/OPD)")}</label>
                        <input id="new-unit" type="text" list="unit-templates"
                            placeholder=tr("mis. BKPSDM", "e.g. BKPSDM")
                            prop:value=move || unit_name.get() on:input=move |ev| unit_name.set(event_target_value(&ev))/>
                        <datalist id="unit-templates">{unit_options}</datalist>
                    </div>
                </div>
                <Show when=move || error.get().is_some()>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                </Show>
                <button type="submit" class="btn btn-primary">{tr("Mulai mengisi", "Start filling in")}</button>
            </form>
        </section>
    }
}
