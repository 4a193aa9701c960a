// Written by hand to match both migration folders; the two backends share it. Columns that
// hold a domain vocabulary or id are `Word` (TEXT in both databases), so the mappings in
// `types.rs` can live in this crate rather than in the domain.

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    users (id) {
        id -> Word,
        email -> Text,
        name -> Text,
        role -> Word,
        password_hash -> Nullable<Text>,
        active -> Bool,
        failed_logins -> Integer,
        locked_until -> Nullable<Timestamp>,
        last_login_at -> Nullable<Timestamp>,
        setup_token_hash -> Nullable<Text>,
        setup_expires_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        totp_secret_enc -> Nullable<Text>,
        totp_enabled_at -> Nullable<Timestamp>,
        totp_last_step -> Nullable<BigInt>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    sessions (token_hash) {
        token_hash -> Text,
        user_id -> Word,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        mfa_verified -> Bool,
        totp_pending_enc -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    api_tokens (id) {
        id -> Text,
        user_id -> Word,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        expires_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    requests (id) {
        id -> Word,
        public_id -> Word,
        kind -> Word,
        jurisdiction -> Word,
        channel -> Word,
        status -> Word,
        email_enc -> Text,
        email_index -> Text,
        name_enc -> Nullable<Text>,
        details_enc -> Nullable<Text>,
        agent_enc -> Nullable<Text>,
        received_at -> Timestamp,
        received_date -> Date,
        acknowledge_by -> Nullable<Date>,
        due_date -> Date,
        extended_due_date -> Nullable<Date>,
        extension_reason -> Nullable<Text>,
        paused_days -> BigInt,
        paused_on -> Nullable<Date>,
        status_before_pause -> Nullable<Word>,
        verified_at -> Nullable<Timestamp>,
        verification_method -> Nullable<Word>,
        verify_token_hash -> Nullable<Text>,
        verify_expires_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        denial_reason -> Nullable<Word>,
        duplicate_of -> Nullable<Word>,
        created_by -> Nullable<Word>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        language -> Word,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    request_name_words (word_index, request_id) {
        word_index -> Text,
        request_id -> Word,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    request_events (id) {
        id -> Text,
        request_id -> Word,
        at -> Timestamp,
        actor -> Text,
        action -> Word,
        from_status -> Nullable<Word>,
        to_status -> Nullable<Word>,
        note -> Nullable<Text>,
        public -> Bool,
    }
}

diesel::table! {
    audit_log (seq) {
        seq -> BigInt,
        at -> Timestamp,
        actor -> Text,
        action -> Text,
        target -> Text,
        detail -> Text,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    calendar_changes (calendar, day) {
        calendar -> Word,
        day -> Date,
        change -> Word,
        name -> Text,
        reason -> Text,
        created_by -> Nullable<Word>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_checkpoints (rows, signed_at) {
        rows -> BigInt,
        head_hash -> Text,
        signed_at -> Text,
        signature -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    login_failures (user_id, client) {
        user_id -> Word,
        client -> Text,
        failures -> Integer,
        locked_until -> Nullable<Timestamp>,
        last_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    callback_nonces (nonce) {
        nonce -> Text,
        task_id -> Word,
        seen_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    settings (key) {
        key -> Text,
        value -> Text,
        updated_by -> Nullable<Word>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    write_lock (id) {
        id -> Integer,
        n -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    stores (id) {
        id -> Word,
        name -> Text,
        kind -> Word,
        owner_id -> Word,
        description -> Text,
        purposes -> Text,
        legal_basis -> Text,
        data_categories -> Text,
        subject_categories -> Text,
        recipients -> Text,
        transfers -> Text,
        retention -> Text,
        security_measures -> Text,
        connection_enc -> Nullable<Text>,
        dataset -> Nullable<Text>,
        url -> Nullable<Text>,
        secret_enc -> Nullable<Text>,
        hash_key_enc -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        lookup_advice -> Nullable<Text>,
    }
}

// Security (migration 000003).

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    recovery_codes (id) {
        id -> Text,
        user_id -> Word,
        code_hash -> Text,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    breaches (id) {
        id -> Text,
        title -> Text,
        description -> Text,
        discovered_at -> Timestamp,
        aware_at -> Timestamp,
        data_categories -> Text,
        subjects_approx -> BigInt,
        records_approx -> BigInt,
        consequences -> Text,
        measures -> Text,
        dpo_contact -> Text,
        regulator_notified_at -> Nullable<Timestamp>,
        subjects_notified_at -> Nullable<Timestamp>,
        subjects_notified_count -> BigInt,
        created_by -> Nullable<Word>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    tasks (id) {
        id -> Word,
        request_id -> Word,
        store_id -> Word,
        status -> Word,
        due_date -> Date,
        attempts -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        result -> Nullable<Text>,
        note -> Nullable<Text>,
        exemption_basis -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        completed_at -> Nullable<Timestamp>,
        correction_enc -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    task_records (task_id, seq) {
        task_id -> Word,
        seq -> BigInt,
        request_id -> Word,
        table_name -> Text,
        record -> Text,
        field -> Text,
        data_category -> Text,
        value_enc -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    pending_uploads (task_id) {
        task_id -> Word,
        values_enc -> Text,
        table_name -> Text,
        column_names -> Text,
        records -> BigInt,
        value_count -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reminders (key) {
        key -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    attachments (id) {
        id -> Text,
        request_id -> Word,
        kind -> Word,
        filename -> Text,
        content_type -> Text,
        size -> BigInt,
        data_enc -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    purposes (key) {
        key -> Word,
        name -> Text,
        description -> Text,
        sale_or_sharing -> Bool,
        necessary -> Bool,
        current_version -> Integer,
        created_at -> Timestamp,
        created_by -> Nullable<Word>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    notices (purpose_key, version) {
        purpose_key -> Word,
        version -> Integer,
        text -> Text,
        sha256 -> Text,
        published_at -> Timestamp,
        published_by -> Nullable<Word>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    consent_records (id) {
        id -> Text,
        subject_index -> Text,
        subject_kind -> Word,
        subject_enc -> Nullable<Text>,
        purpose_key -> Word,
        notice_version -> Integer,
        status -> Word,
        method -> Word,
        jurisdiction -> Nullable<Word>,
        recorded_at -> Timestamp,
        ip_hmac -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        page_url -> Nullable<Text>,
        gpc -> Bool,
        banner_version -> Nullable<Text>,
        note -> Nullable<Text>,
        recorded_by -> Nullable<Word>,
        site_key_id -> Nullable<Text>,
        pseudonymised_at -> Nullable<Timestamp>,
        language -> Nullable<Word>,
        notice_language -> Nullable<Word>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    consent_current (subject_index, purpose_key) {
        subject_index -> Text,
        purpose_key -> Word,
        record_id -> Text,
        status -> Word,
        notice_version -> Integer,
        recorded_at -> Timestamp,
        notice_language -> Nullable<Word>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    notice_translations (purpose_key, language, version) {
        purpose_key -> Word,
        language -> Word,
        version -> Integer,
        base_version -> Integer,
        name -> Text,
        description -> Text,
        text -> Text,
        sha256 -> Text,
        published_at -> Timestamp,
        published_by -> Nullable<Word>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    consent_services (id) {
        id -> Text,
        purpose_key -> Word,
        name -> Text,
        provider -> Text,
        privacy_url -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    consent_service_storage (service_id, position) {
        service_id -> Text,
        position -> Integer,
        name -> Text,
        kind -> Word,
        lifetime -> Text,
        third_party -> Bool,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::types::Word;

    site_keys (id) {
        id -> Text,
        name -> Text,
        key_hash -> Text,
        origins -> Text,
        created_at -> Timestamp,
        created_by -> Nullable<Word>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    preference_links (token_hash) {
        token_hash -> Text,
        subject_index -> Text,
        subject_enc -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    preference_sessions (token_hash) {
        token_hash -> Text,
        subject_index -> Text,
        subject_enc -> Text,
        csrf_token -> Text,
        expires_at -> Timestamp,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(stores -> users (owner_id));
diesel::joinable!(tasks -> stores (store_id));
diesel::joinable!(task_records -> tasks (task_id));
diesel::joinable!(tasks -> requests (request_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(request_events -> requests (request_id));
diesel::joinable!(request_name_words -> requests (request_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(notices -> purposes (purpose_key));
diesel::joinable!(consent_records -> purposes (purpose_key));
diesel::joinable!(consent_current -> purposes (purpose_key));
diesel::joinable!(consent_services -> purposes (purpose_key));
diesel::joinable!(consent_service_storage -> consent_services (service_id));

diesel::allow_tables_to_appear_in_same_query!(
    attachments,
    stores,
    tasks,
    task_records,
    pending_uploads,
    reminders,
    users,
    sessions,
    api_tokens,
    requests,
    request_events,
    request_name_words,
    audit_log,
    calendar_changes,
    settings,
    callback_nonces,
    audit_checkpoints,
    login_failures,
    write_lock,
    recovery_codes,
    breaches,
    purposes,
    notices,
    notice_translations,
    consent_records,
    consent_current,
    consent_services,
    consent_service_storage,
    site_keys,
    preference_links,
    preference_sessions,
);
