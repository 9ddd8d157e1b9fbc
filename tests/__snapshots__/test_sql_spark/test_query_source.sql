WITH given AS (
  SELECT
    `seller_id` AS `seller_id`,
    COALESCE(`region`, NULL) AS `region`,
    CAST(`orders_7d` AS STRING) AS `t_orders_7d`,
    CAST(`cancelled_orders` AS STRING) AS `t_cancelled_orders`,
    CAST(`late_orders` AS STRING) AS `t_late_orders`,
    CAST(`avg_daily_orders_4w` AS STRING) AS `t_avg_daily_orders_4w`,
    CAST(`orders_30d` AS STRING) AS `t_orders_30d`,
    CAST(`non_cancelled_orders_30d` AS STRING) AS `t_non_cancelled_orders_30d`,
    CAST(`negative_reviews_30d` AS STRING) AS `t_negative_reviews_30d`,
    CAST(`buyer_disputes_30d` AS STRING) AS `t_buyer_disputes_30d`,
    CAST(`seller_fault_disputes_30d` AS STRING) AS `t_seller_fault_disputes_30d`,
    CAST(`seller_fault_return_requests_30d` AS STRING) AS `t_seller_fault_return_requests_30d`,
    CAST(`resolved_return_requests_30d` AS STRING) AS `t_resolved_return_requests_30d`,
    CAST(`defect_returns_30d` AS STRING) AS `t_defect_returns_30d`,
    CAST(`avg_first_response_minutes` AS STRING) AS `t_avg_first_response_minutes`,
    CAST(`buyer_messages` AS STRING) AS `t_buyer_messages`,
    CAST(`replied_within_24h` AS STRING) AS `t_replied_within_24h`,
    CAST(`replied_within_48h` AS STRING) AS `t_replied_within_48h`
  FROM metrics
), read AS (
  SELECT
    `seller_id`,
    `region`,
    `t_orders_7d`,
    `t_cancelled_orders`,
    `t_late_orders`,
    `t_avg_daily_orders_4w`,
    `t_orders_30d`,
    `t_non_cancelled_orders_30d`,
    `t_negative_reviews_30d`,
    `t_buyer_disputes_30d`,
    `t_seller_fault_disputes_30d`,
    `t_seller_fault_return_requests_30d`,
    `t_resolved_return_requests_30d`,
    `t_defect_returns_30d`,
    `t_avg_first_response_minutes`,
    `t_buyer_messages`,
    `t_replied_within_24h`,
    `t_replied_within_48h`,
    CASE
      WHEN (
        (
          (
            `t_orders_7d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_orders_7d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_orders_7d`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_orders_7d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_orders_7d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_orders_7d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_orders_7d` AS DECIMAL(38, 0))
    END AS `v_orders_7d`,
    CASE
      WHEN (
        (
          (
            `t_cancelled_orders` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_cancelled_orders` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_cancelled_orders`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_cancelled_orders`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_cancelled_orders` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_cancelled_orders` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_cancelled_orders` AS DECIMAL(38, 0))
    END AS `v_cancelled_orders`,
    CASE
      WHEN (
        (
          (
            `t_late_orders` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_late_orders` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_late_orders`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_late_orders`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_late_orders` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_late_orders` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_late_orders` AS DECIMAL(38, 0))
    END AS `v_late_orders`,
    CASE
      WHEN (
        (
          (
            `t_avg_daily_orders_4w` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_avg_daily_orders_4w` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_avg_daily_orders_4w`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_avg_daily_orders_4w`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_avg_daily_orders_4w` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_avg_daily_orders_4w` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_avg_daily_orders_4w` AS DECIMAL(38, 18))
    END AS `v_avg_daily_orders_4w`,
    CASE
      WHEN (
        (
          (
            `t_orders_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_orders_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_orders_30d`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_orders_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_orders_30d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_orders_30d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_orders_30d` AS DECIMAL(38, 0))
    END AS `v_orders_30d`,
    CASE
      WHEN (
        (
          (
            `t_non_cancelled_orders_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_non_cancelled_orders_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(
                TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_non_cancelled_orders_30d`, '\\.([0-9]+)'))
              ) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_non_cancelled_orders_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_non_cancelled_orders_30d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_non_cancelled_orders_30d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_non_cancelled_orders_30d` AS DECIMAL(38, 0))
    END AS `v_non_cancelled_orders_30d`,
    CASE
      WHEN (
        (
          (
            `t_negative_reviews_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_negative_reviews_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_negative_reviews_30d`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_negative_reviews_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_negative_reviews_30d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_negative_reviews_30d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_negative_reviews_30d` AS DECIMAL(38, 0))
    END AS `v_negative_reviews_30d`,
    CASE
      WHEN (
        (
          (
            `t_buyer_disputes_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_buyer_disputes_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_buyer_disputes_30d`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_buyer_disputes_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_buyer_disputes_30d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_buyer_disputes_30d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_buyer_disputes_30d` AS DECIMAL(38, 0))
    END AS `v_buyer_disputes_30d`,
    CASE
      WHEN (
        (
          (
            `t_seller_fault_disputes_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_seller_fault_disputes_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(
                TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_seller_fault_disputes_30d`, '\\.([0-9]+)'))
              ) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_seller_fault_disputes_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_seller_fault_disputes_30d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_seller_fault_disputes_30d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_seller_fault_disputes_30d` AS DECIMAL(38, 0))
    END AS `v_seller_fault_disputes_30d`,
    CASE
      WHEN (
        (
          (
            `t_seller_fault_return_requests_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_seller_fault_return_requests_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(
                TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_seller_fault_return_requests_30d`, '\\.([0-9]+)'))
              ) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_seller_fault_return_requests_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_seller_fault_return_requests_30d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_seller_fault_return_requests_30d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_seller_fault_return_requests_30d` AS DECIMAL(38, 0))
    END AS `v_seller_fault_return_requests_30d`,
    CASE
      WHEN (
        (
          (
            `t_resolved_return_requests_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_resolved_return_requests_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(
                TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_resolved_return_requests_30d`, '\\.([0-9]+)'))
              ) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_resolved_return_requests_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_resolved_return_requests_30d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_resolved_return_requests_30d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_resolved_return_requests_30d` AS DECIMAL(38, 0))
    END AS `v_resolved_return_requests_30d`,
    CASE
      WHEN (
        (
          (
            `t_defect_returns_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_defect_returns_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_defect_returns_30d`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_defect_returns_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_defect_returns_30d` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_defect_returns_30d` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_defect_returns_30d` AS DECIMAL(38, 0))
    END AS `v_defect_returns_30d`,
    CASE
      WHEN (
        (
          (
            `t_avg_first_response_minutes` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_avg_first_response_minutes` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(
                TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_avg_first_response_minutes`, '\\.([0-9]+)'))
              ) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_avg_first_response_minutes`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_avg_first_response_minutes` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_avg_first_response_minutes` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_avg_first_response_minutes` AS DECIMAL(38, 18))
    END AS `v_avg_first_response_minutes`,
    CASE
      WHEN (
        (
          (
            `t_buyer_messages` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_buyer_messages` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_buyer_messages`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_buyer_messages`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_buyer_messages` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_buyer_messages` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_buyer_messages` AS DECIMAL(38, 0))
    END AS `v_buyer_messages`,
    CASE
      WHEN (
        (
          (
            `t_replied_within_24h` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_replied_within_24h` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_replied_within_24h`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_replied_within_24h`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_replied_within_24h` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_replied_within_24h` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_replied_within_24h` AS DECIMAL(38, 0))
    END AS `v_replied_within_24h`,
    CASE
      WHEN (
        (
          (
            `t_replied_within_48h` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
          )
          AND (
            CASE
              WHEN `t_replied_within_48h` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
              THEN 0
              ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_replied_within_48h`, '\\.([0-9]+)'))) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_replied_within_48h`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST(`t_replied_within_48h` AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST(`t_replied_within_48h` AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST(`t_replied_within_48h` AS DECIMAL(38, 0))
    END AS `v_replied_within_48h`
  FROM given
), checked AS (
  SELECT
    *,
    CASE
      WHEN `region` IS NULL
      THEN STRUCT(
        'E611' AS code,
        'region' AS key,
        'no region: give --region, or a `region` key on the line (this policy has US, SEA, UK)' AS message
      )
      WHEN NOT `region` IN ('US', 'SEA', 'UK')
      THEN STRUCT(
        'E607' AS code,
        'region' AS key,
        'unknown region `' || (
          `region` || '`; this policy has US, SEA, UK'
        ) AS message
      )
      WHEN NOT (
        `t_orders_7d` IS NULL
      )
      AND `t_orders_7d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'orders_7d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_orders_7d` = 'nan'
          THEN 'NaN'
          WHEN `t_orders_7d` = 'NaN'
          THEN 'NaN'
          WHEN `t_orders_7d` = '-nan'
          THEN 'NaN'
          WHEN `t_orders_7d` = 'inf'
          THEN 'Infinity'
          WHEN `t_orders_7d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_orders_7d` = '-inf'
          THEN '-Infinity'
          WHEN `t_orders_7d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_orders_7d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_orders_7d` = '-NaN'
          THEN '-NaN'
          WHEN `t_orders_7d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_orders_7d` IS NULL
      )
      AND NOT (
        `t_orders_7d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'orders_7d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_orders_7d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_orders_7d`, 2, LENGTH(`t_orders_7d`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_orders_7d`, 2, LENGTH(`t_orders_7d`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_orders_7d`, 2, LENGTH(`t_orders_7d`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_orders_7d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_orders_7d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_orders_7d`
        END AS message
      )
      WHEN NOT (
        `t_orders_7d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_orders_7d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_orders_7d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'orders_7d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_orders_7d` AS message
      )
      WHEN NOT (
        `t_orders_7d` IS NULL
      )
      AND (
        CASE
          WHEN `t_orders_7d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_orders_7d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_orders_7d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'orders_7d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_orders_7d` AS message
      )
      WHEN NOT (
        `t_orders_7d` IS NULL
      )
      AND (
        CASE
          WHEN `t_orders_7d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_orders_7d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_orders_7d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'orders_7d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_orders_7d` AS message
      )
      WHEN NOT (
        `t_orders_7d` IS NULL
      )
      AND (
        TRY_CAST(`t_orders_7d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'orders_7d' AS key,
        'a count cannot be negative, got ' || `t_orders_7d` AS message
      )
      WHEN NOT (
        `t_orders_7d` IS NULL
      )
      AND (
        TRY_CAST(`t_orders_7d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_orders_7d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'orders_7d' AS key,
        'a count is a whole number, got ' || `t_orders_7d` AS message
      )
      WHEN NOT (
        `t_cancelled_orders` IS NULL
      )
      AND `t_cancelled_orders` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'cancelled_orders' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_cancelled_orders` = 'nan'
          THEN 'NaN'
          WHEN `t_cancelled_orders` = 'NaN'
          THEN 'NaN'
          WHEN `t_cancelled_orders` = '-nan'
          THEN 'NaN'
          WHEN `t_cancelled_orders` = 'inf'
          THEN 'Infinity'
          WHEN `t_cancelled_orders` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_cancelled_orders` = '-inf'
          THEN '-Infinity'
          WHEN `t_cancelled_orders` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_cancelled_orders` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_cancelled_orders` = '-NaN'
          THEN '-NaN'
          WHEN `t_cancelled_orders` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_cancelled_orders` IS NULL
      )
      AND NOT (
        `t_cancelled_orders` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'cancelled_orders' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_cancelled_orders`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_cancelled_orders`, 2, LENGTH(`t_cancelled_orders`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_cancelled_orders`, 2, LENGTH(`t_cancelled_orders`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_cancelled_orders`, 2, LENGTH(`t_cancelled_orders`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_cancelled_orders`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_cancelled_orders`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_cancelled_orders`
        END AS message
      )
      WHEN NOT (
        `t_cancelled_orders` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_cancelled_orders` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_cancelled_orders` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'cancelled_orders' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_cancelled_orders` AS message
      )
      WHEN NOT (
        `t_cancelled_orders` IS NULL
      )
      AND (
        CASE
          WHEN `t_cancelled_orders` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_cancelled_orders`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_cancelled_orders`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'cancelled_orders' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_cancelled_orders` AS message
      )
      WHEN NOT (
        `t_cancelled_orders` IS NULL
      )
      AND (
        CASE
          WHEN `t_cancelled_orders` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_cancelled_orders`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_cancelled_orders`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'cancelled_orders' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_cancelled_orders` AS message
      )
      WHEN NOT (
        `t_cancelled_orders` IS NULL
      )
      AND (
        TRY_CAST(`t_cancelled_orders` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'cancelled_orders' AS key,
        'a count cannot be negative, got ' || `t_cancelled_orders` AS message
      )
      WHEN NOT (
        `t_cancelled_orders` IS NULL
      )
      AND (
        TRY_CAST(`t_cancelled_orders` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_cancelled_orders` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'cancelled_orders' AS key,
        'a count is a whole number, got ' || `t_cancelled_orders` AS message
      )
      WHEN NOT (
        `t_late_orders` IS NULL
      )
      AND `t_late_orders` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'late_orders' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_late_orders` = 'nan'
          THEN 'NaN'
          WHEN `t_late_orders` = 'NaN'
          THEN 'NaN'
          WHEN `t_late_orders` = '-nan'
          THEN 'NaN'
          WHEN `t_late_orders` = 'inf'
          THEN 'Infinity'
          WHEN `t_late_orders` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_late_orders` = '-inf'
          THEN '-Infinity'
          WHEN `t_late_orders` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_late_orders` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_late_orders` = '-NaN'
          THEN '-NaN'
          WHEN `t_late_orders` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_late_orders` IS NULL
      )
      AND NOT (
        `t_late_orders` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'late_orders' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_late_orders`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_late_orders`, 2, LENGTH(`t_late_orders`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_late_orders`, 2, LENGTH(`t_late_orders`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_late_orders`, 2, LENGTH(`t_late_orders`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_late_orders`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_late_orders`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_late_orders`
        END AS message
      )
      WHEN NOT (
        `t_late_orders` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_late_orders` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_late_orders` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'late_orders' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_late_orders` AS message
      )
      WHEN NOT (
        `t_late_orders` IS NULL
      )
      AND (
        CASE
          WHEN `t_late_orders` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_late_orders`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_late_orders`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'late_orders' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_late_orders` AS message
      )
      WHEN NOT (
        `t_late_orders` IS NULL
      )
      AND (
        CASE
          WHEN `t_late_orders` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_late_orders`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_late_orders`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'late_orders' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_late_orders` AS message
      )
      WHEN NOT (
        `t_late_orders` IS NULL
      )
      AND (
        TRY_CAST(`t_late_orders` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'late_orders' AS key,
        'a count cannot be negative, got ' || `t_late_orders` AS message
      )
      WHEN NOT (
        `t_late_orders` IS NULL
      )
      AND (
        TRY_CAST(`t_late_orders` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_late_orders` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'late_orders' AS key,
        'a count is a whole number, got ' || `t_late_orders` AS message
      )
      WHEN NOT (
        `t_avg_daily_orders_4w` IS NULL
      )
      AND `t_avg_daily_orders_4w` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'avg_daily_orders_4w' AS key,
        'expected a number (0 or more), got ' || CASE
          WHEN `t_avg_daily_orders_4w` = 'nan'
          THEN 'NaN'
          WHEN `t_avg_daily_orders_4w` = 'NaN'
          THEN 'NaN'
          WHEN `t_avg_daily_orders_4w` = '-nan'
          THEN 'NaN'
          WHEN `t_avg_daily_orders_4w` = 'inf'
          THEN 'Infinity'
          WHEN `t_avg_daily_orders_4w` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_avg_daily_orders_4w` = '-inf'
          THEN '-Infinity'
          WHEN `t_avg_daily_orders_4w` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_avg_daily_orders_4w` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_avg_daily_orders_4w` = '-NaN'
          THEN '-NaN'
          WHEN `t_avg_daily_orders_4w` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_avg_daily_orders_4w` IS NULL
      )
      AND NOT (
        `t_avg_daily_orders_4w` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'avg_daily_orders_4w' AS key,
        'expected a number (0 or more), got ' || CASE
          WHEN SUBSTRING(`t_avg_daily_orders_4w`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_avg_daily_orders_4w`, 2, LENGTH(`t_avg_daily_orders_4w`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_avg_daily_orders_4w`, 2, LENGTH(`t_avg_daily_orders_4w`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_avg_daily_orders_4w`, 2, LENGTH(`t_avg_daily_orders_4w`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_avg_daily_orders_4w`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_avg_daily_orders_4w`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_avg_daily_orders_4w`
        END AS message
      )
      WHEN NOT (
        `t_avg_daily_orders_4w` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_avg_daily_orders_4w` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_avg_daily_orders_4w` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'avg_daily_orders_4w' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_avg_daily_orders_4w` AS message
      )
      WHEN NOT (
        `t_avg_daily_orders_4w` IS NULL
      )
      AND (
        CASE
          WHEN `t_avg_daily_orders_4w` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_avg_daily_orders_4w`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_avg_daily_orders_4w`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'avg_daily_orders_4w' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_avg_daily_orders_4w` AS message
      )
      WHEN NOT (
        `t_avg_daily_orders_4w` IS NULL
      )
      AND (
        CASE
          WHEN `t_avg_daily_orders_4w` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_avg_daily_orders_4w`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_avg_daily_orders_4w`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'avg_daily_orders_4w' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_avg_daily_orders_4w` AS message
      )
      WHEN NOT (
        `t_avg_daily_orders_4w` IS NULL
      )
      AND (
        TRY_CAST(`t_avg_daily_orders_4w` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'avg_daily_orders_4w' AS key,
        'this cannot be negative, got ' || `t_avg_daily_orders_4w` AS message
      )
      WHEN NOT (
        `t_orders_30d` IS NULL
      )
      AND `t_orders_30d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'orders_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_orders_30d` = 'nan'
          THEN 'NaN'
          WHEN `t_orders_30d` = 'NaN'
          THEN 'NaN'
          WHEN `t_orders_30d` = '-nan'
          THEN 'NaN'
          WHEN `t_orders_30d` = 'inf'
          THEN 'Infinity'
          WHEN `t_orders_30d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_orders_30d` = '-inf'
          THEN '-Infinity'
          WHEN `t_orders_30d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_orders_30d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_orders_30d` = '-NaN'
          THEN '-NaN'
          WHEN `t_orders_30d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_orders_30d` IS NULL
      )
      AND NOT (
        `t_orders_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'orders_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_orders_30d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_orders_30d`, 2, LENGTH(`t_orders_30d`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_orders_30d`, 2, LENGTH(`t_orders_30d`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_orders_30d`, 2, LENGTH(`t_orders_30d`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_orders_30d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_orders_30d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_orders_30d`
        END AS message
      )
      WHEN NOT (
        `t_orders_30d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_orders_30d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_orders_30d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'orders_30d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_orders_30d` AS message
      )
      WHEN NOT (
        `t_orders_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_orders_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_orders_30d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_orders_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'orders_30d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_orders_30d` AS message
      )
      WHEN NOT (
        `t_orders_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_orders_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_orders_30d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_orders_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'orders_30d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_orders_30d` AS message
      )
      WHEN NOT (
        `t_orders_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_orders_30d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'orders_30d' AS key,
        'a count cannot be negative, got ' || `t_orders_30d` AS message
      )
      WHEN NOT (
        `t_orders_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_orders_30d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_orders_30d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'orders_30d' AS key,
        'a count is a whole number, got ' || `t_orders_30d` AS message
      )
      WHEN NOT (
        `t_non_cancelled_orders_30d` IS NULL
      )
      AND `t_non_cancelled_orders_30d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'non_cancelled_orders_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_non_cancelled_orders_30d` = 'nan'
          THEN 'NaN'
          WHEN `t_non_cancelled_orders_30d` = 'NaN'
          THEN 'NaN'
          WHEN `t_non_cancelled_orders_30d` = '-nan'
          THEN 'NaN'
          WHEN `t_non_cancelled_orders_30d` = 'inf'
          THEN 'Infinity'
          WHEN `t_non_cancelled_orders_30d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_non_cancelled_orders_30d` = '-inf'
          THEN '-Infinity'
          WHEN `t_non_cancelled_orders_30d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_non_cancelled_orders_30d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_non_cancelled_orders_30d` = '-NaN'
          THEN '-NaN'
          WHEN `t_non_cancelled_orders_30d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_non_cancelled_orders_30d` IS NULL
      )
      AND NOT (
        `t_non_cancelled_orders_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'non_cancelled_orders_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_non_cancelled_orders_30d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(
                SUBSTRING(`t_non_cancelled_orders_30d`, 2, LENGTH(`t_non_cancelled_orders_30d`) - 2)
              ) > 20
              THEN SUBSTRING(
                SUBSTRING(`t_non_cancelled_orders_30d`, 2, LENGTH(`t_non_cancelled_orders_30d`) - 2),
                1,
                17
              ) || '...'
              ELSE SUBSTRING(`t_non_cancelled_orders_30d`, 2, LENGTH(`t_non_cancelled_orders_30d`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_non_cancelled_orders_30d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_non_cancelled_orders_30d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_non_cancelled_orders_30d`
        END AS message
      )
      WHEN NOT (
        `t_non_cancelled_orders_30d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_non_cancelled_orders_30d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_non_cancelled_orders_30d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'non_cancelled_orders_30d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_non_cancelled_orders_30d` AS message
      )
      WHEN NOT (
        `t_non_cancelled_orders_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_non_cancelled_orders_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_non_cancelled_orders_30d`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_non_cancelled_orders_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'non_cancelled_orders_30d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_non_cancelled_orders_30d` AS message
      )
      WHEN NOT (
        `t_non_cancelled_orders_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_non_cancelled_orders_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_non_cancelled_orders_30d`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_non_cancelled_orders_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'non_cancelled_orders_30d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_non_cancelled_orders_30d` AS message
      )
      WHEN NOT (
        `t_non_cancelled_orders_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_non_cancelled_orders_30d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'non_cancelled_orders_30d' AS key,
        'a count cannot be negative, got ' || `t_non_cancelled_orders_30d` AS message
      )
      WHEN NOT (
        `t_non_cancelled_orders_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_non_cancelled_orders_30d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_non_cancelled_orders_30d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'non_cancelled_orders_30d' AS key,
        'a count is a whole number, got ' || `t_non_cancelled_orders_30d` AS message
      )
      WHEN NOT (
        `t_negative_reviews_30d` IS NULL
      )
      AND `t_negative_reviews_30d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'negative_reviews_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_negative_reviews_30d` = 'nan'
          THEN 'NaN'
          WHEN `t_negative_reviews_30d` = 'NaN'
          THEN 'NaN'
          WHEN `t_negative_reviews_30d` = '-nan'
          THEN 'NaN'
          WHEN `t_negative_reviews_30d` = 'inf'
          THEN 'Infinity'
          WHEN `t_negative_reviews_30d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_negative_reviews_30d` = '-inf'
          THEN '-Infinity'
          WHEN `t_negative_reviews_30d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_negative_reviews_30d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_negative_reviews_30d` = '-NaN'
          THEN '-NaN'
          WHEN `t_negative_reviews_30d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_negative_reviews_30d` IS NULL
      )
      AND NOT (
        `t_negative_reviews_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'negative_reviews_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_negative_reviews_30d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_negative_reviews_30d`, 2, LENGTH(`t_negative_reviews_30d`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_negative_reviews_30d`, 2, LENGTH(`t_negative_reviews_30d`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_negative_reviews_30d`, 2, LENGTH(`t_negative_reviews_30d`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_negative_reviews_30d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_negative_reviews_30d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_negative_reviews_30d`
        END AS message
      )
      WHEN NOT (
        `t_negative_reviews_30d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_negative_reviews_30d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_negative_reviews_30d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'negative_reviews_30d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_negative_reviews_30d` AS message
      )
      WHEN NOT (
        `t_negative_reviews_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_negative_reviews_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_negative_reviews_30d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_negative_reviews_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'negative_reviews_30d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_negative_reviews_30d` AS message
      )
      WHEN NOT (
        `t_negative_reviews_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_negative_reviews_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_negative_reviews_30d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_negative_reviews_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'negative_reviews_30d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_negative_reviews_30d` AS message
      )
      WHEN NOT (
        `t_negative_reviews_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_negative_reviews_30d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'negative_reviews_30d' AS key,
        'a count cannot be negative, got ' || `t_negative_reviews_30d` AS message
      )
      WHEN NOT (
        `t_negative_reviews_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_negative_reviews_30d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_negative_reviews_30d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'negative_reviews_30d' AS key,
        'a count is a whole number, got ' || `t_negative_reviews_30d` AS message
      )
      WHEN NOT (
        `t_buyer_disputes_30d` IS NULL
      )
      AND `t_buyer_disputes_30d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'buyer_disputes_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_buyer_disputes_30d` = 'nan'
          THEN 'NaN'
          WHEN `t_buyer_disputes_30d` = 'NaN'
          THEN 'NaN'
          WHEN `t_buyer_disputes_30d` = '-nan'
          THEN 'NaN'
          WHEN `t_buyer_disputes_30d` = 'inf'
          THEN 'Infinity'
          WHEN `t_buyer_disputes_30d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_buyer_disputes_30d` = '-inf'
          THEN '-Infinity'
          WHEN `t_buyer_disputes_30d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_buyer_disputes_30d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_buyer_disputes_30d` = '-NaN'
          THEN '-NaN'
          WHEN `t_buyer_disputes_30d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_buyer_disputes_30d` IS NULL
      )
      AND NOT (
        `t_buyer_disputes_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'buyer_disputes_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_buyer_disputes_30d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_buyer_disputes_30d`, 2, LENGTH(`t_buyer_disputes_30d`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_buyer_disputes_30d`, 2, LENGTH(`t_buyer_disputes_30d`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_buyer_disputes_30d`, 2, LENGTH(`t_buyer_disputes_30d`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_buyer_disputes_30d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_buyer_disputes_30d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_buyer_disputes_30d`
        END AS message
      )
      WHEN NOT (
        `t_buyer_disputes_30d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_buyer_disputes_30d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_buyer_disputes_30d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'buyer_disputes_30d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_buyer_disputes_30d` AS message
      )
      WHEN NOT (
        `t_buyer_disputes_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_buyer_disputes_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_buyer_disputes_30d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_buyer_disputes_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'buyer_disputes_30d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_buyer_disputes_30d` AS message
      )
      WHEN NOT (
        `t_buyer_disputes_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_buyer_disputes_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_buyer_disputes_30d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_buyer_disputes_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'buyer_disputes_30d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_buyer_disputes_30d` AS message
      )
      WHEN NOT (
        `t_buyer_disputes_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_buyer_disputes_30d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'buyer_disputes_30d' AS key,
        'a count cannot be negative, got ' || `t_buyer_disputes_30d` AS message
      )
      WHEN NOT (
        `t_buyer_disputes_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_buyer_disputes_30d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_buyer_disputes_30d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'buyer_disputes_30d' AS key,
        'a count is a whole number, got ' || `t_buyer_disputes_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_disputes_30d` IS NULL
      )
      AND `t_seller_fault_disputes_30d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'seller_fault_disputes_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_seller_fault_disputes_30d` = 'nan'
          THEN 'NaN'
          WHEN `t_seller_fault_disputes_30d` = 'NaN'
          THEN 'NaN'
          WHEN `t_seller_fault_disputes_30d` = '-nan'
          THEN 'NaN'
          WHEN `t_seller_fault_disputes_30d` = 'inf'
          THEN 'Infinity'
          WHEN `t_seller_fault_disputes_30d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_seller_fault_disputes_30d` = '-inf'
          THEN '-Infinity'
          WHEN `t_seller_fault_disputes_30d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_seller_fault_disputes_30d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_seller_fault_disputes_30d` = '-NaN'
          THEN '-NaN'
          WHEN `t_seller_fault_disputes_30d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_seller_fault_disputes_30d` IS NULL
      )
      AND NOT (
        `t_seller_fault_disputes_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'seller_fault_disputes_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_seller_fault_disputes_30d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(
                SUBSTRING(`t_seller_fault_disputes_30d`, 2, LENGTH(`t_seller_fault_disputes_30d`) - 2)
              ) > 20
              THEN SUBSTRING(
                SUBSTRING(`t_seller_fault_disputes_30d`, 2, LENGTH(`t_seller_fault_disputes_30d`) - 2),
                1,
                17
              ) || '...'
              ELSE SUBSTRING(`t_seller_fault_disputes_30d`, 2, LENGTH(`t_seller_fault_disputes_30d`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_seller_fault_disputes_30d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_seller_fault_disputes_30d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_seller_fault_disputes_30d`
        END AS message
      )
      WHEN NOT (
        `t_seller_fault_disputes_30d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_seller_fault_disputes_30d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_seller_fault_disputes_30d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'seller_fault_disputes_30d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_seller_fault_disputes_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_disputes_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_seller_fault_disputes_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_seller_fault_disputes_30d`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_seller_fault_disputes_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'seller_fault_disputes_30d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_seller_fault_disputes_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_disputes_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_seller_fault_disputes_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_seller_fault_disputes_30d`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_seller_fault_disputes_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'seller_fault_disputes_30d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_seller_fault_disputes_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_disputes_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_seller_fault_disputes_30d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'seller_fault_disputes_30d' AS key,
        'a count cannot be negative, got ' || `t_seller_fault_disputes_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_disputes_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_seller_fault_disputes_30d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_seller_fault_disputes_30d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'seller_fault_disputes_30d' AS key,
        'a count is a whole number, got ' || `t_seller_fault_disputes_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_return_requests_30d` IS NULL
      )
      AND `t_seller_fault_return_requests_30d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'seller_fault_return_requests_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_seller_fault_return_requests_30d` = 'nan'
          THEN 'NaN'
          WHEN `t_seller_fault_return_requests_30d` = 'NaN'
          THEN 'NaN'
          WHEN `t_seller_fault_return_requests_30d` = '-nan'
          THEN 'NaN'
          WHEN `t_seller_fault_return_requests_30d` = 'inf'
          THEN 'Infinity'
          WHEN `t_seller_fault_return_requests_30d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_seller_fault_return_requests_30d` = '-inf'
          THEN '-Infinity'
          WHEN `t_seller_fault_return_requests_30d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_seller_fault_return_requests_30d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_seller_fault_return_requests_30d` = '-NaN'
          THEN '-NaN'
          WHEN `t_seller_fault_return_requests_30d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_seller_fault_return_requests_30d` IS NULL
      )
      AND NOT (
        `t_seller_fault_return_requests_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'seller_fault_return_requests_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_seller_fault_return_requests_30d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(
                SUBSTRING(
                  `t_seller_fault_return_requests_30d`,
                  2,
                  LENGTH(`t_seller_fault_return_requests_30d`) - 2
                )
              ) > 20
              THEN SUBSTRING(
                SUBSTRING(
                  `t_seller_fault_return_requests_30d`,
                  2,
                  LENGTH(`t_seller_fault_return_requests_30d`) - 2
                ),
                1,
                17
              ) || '...'
              ELSE SUBSTRING(
                `t_seller_fault_return_requests_30d`,
                2,
                LENGTH(`t_seller_fault_return_requests_30d`) - 2
              )
            END || '"'
          )
          WHEN SUBSTRING(`t_seller_fault_return_requests_30d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_seller_fault_return_requests_30d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_seller_fault_return_requests_30d`
        END AS message
      )
      WHEN NOT (
        `t_seller_fault_return_requests_30d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_seller_fault_return_requests_30d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_seller_fault_return_requests_30d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'seller_fault_return_requests_30d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_seller_fault_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_return_requests_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_seller_fault_return_requests_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_seller_fault_return_requests_30d`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_seller_fault_return_requests_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'seller_fault_return_requests_30d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_seller_fault_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_return_requests_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_seller_fault_return_requests_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_seller_fault_return_requests_30d`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_seller_fault_return_requests_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'seller_fault_return_requests_30d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_seller_fault_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_return_requests_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_seller_fault_return_requests_30d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'seller_fault_return_requests_30d' AS key,
        'a count cannot be negative, got ' || `t_seller_fault_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_seller_fault_return_requests_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_seller_fault_return_requests_30d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_seller_fault_return_requests_30d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'seller_fault_return_requests_30d' AS key,
        'a count is a whole number, got ' || `t_seller_fault_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_resolved_return_requests_30d` IS NULL
      )
      AND `t_resolved_return_requests_30d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'resolved_return_requests_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_resolved_return_requests_30d` = 'nan'
          THEN 'NaN'
          WHEN `t_resolved_return_requests_30d` = 'NaN'
          THEN 'NaN'
          WHEN `t_resolved_return_requests_30d` = '-nan'
          THEN 'NaN'
          WHEN `t_resolved_return_requests_30d` = 'inf'
          THEN 'Infinity'
          WHEN `t_resolved_return_requests_30d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_resolved_return_requests_30d` = '-inf'
          THEN '-Infinity'
          WHEN `t_resolved_return_requests_30d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_resolved_return_requests_30d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_resolved_return_requests_30d` = '-NaN'
          THEN '-NaN'
          WHEN `t_resolved_return_requests_30d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_resolved_return_requests_30d` IS NULL
      )
      AND NOT (
        `t_resolved_return_requests_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'resolved_return_requests_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_resolved_return_requests_30d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(
                SUBSTRING(`t_resolved_return_requests_30d`, 2, LENGTH(`t_resolved_return_requests_30d`) - 2)
              ) > 20
              THEN SUBSTRING(
                SUBSTRING(`t_resolved_return_requests_30d`, 2, LENGTH(`t_resolved_return_requests_30d`) - 2),
                1,
                17
              ) || '...'
              ELSE SUBSTRING(`t_resolved_return_requests_30d`, 2, LENGTH(`t_resolved_return_requests_30d`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_resolved_return_requests_30d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_resolved_return_requests_30d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_resolved_return_requests_30d`
        END AS message
      )
      WHEN NOT (
        `t_resolved_return_requests_30d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_resolved_return_requests_30d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_resolved_return_requests_30d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'resolved_return_requests_30d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_resolved_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_resolved_return_requests_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_resolved_return_requests_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_resolved_return_requests_30d`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_resolved_return_requests_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'resolved_return_requests_30d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_resolved_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_resolved_return_requests_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_resolved_return_requests_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_resolved_return_requests_30d`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_resolved_return_requests_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'resolved_return_requests_30d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_resolved_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_resolved_return_requests_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_resolved_return_requests_30d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'resolved_return_requests_30d' AS key,
        'a count cannot be negative, got ' || `t_resolved_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_resolved_return_requests_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_resolved_return_requests_30d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_resolved_return_requests_30d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'resolved_return_requests_30d' AS key,
        'a count is a whole number, got ' || `t_resolved_return_requests_30d` AS message
      )
      WHEN NOT (
        `t_defect_returns_30d` IS NULL
      )
      AND `t_defect_returns_30d` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'defect_returns_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_defect_returns_30d` = 'nan'
          THEN 'NaN'
          WHEN `t_defect_returns_30d` = 'NaN'
          THEN 'NaN'
          WHEN `t_defect_returns_30d` = '-nan'
          THEN 'NaN'
          WHEN `t_defect_returns_30d` = 'inf'
          THEN 'Infinity'
          WHEN `t_defect_returns_30d` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_defect_returns_30d` = '-inf'
          THEN '-Infinity'
          WHEN `t_defect_returns_30d` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_defect_returns_30d` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_defect_returns_30d` = '-NaN'
          THEN '-NaN'
          WHEN `t_defect_returns_30d` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_defect_returns_30d` IS NULL
      )
      AND NOT (
        `t_defect_returns_30d` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'defect_returns_30d' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_defect_returns_30d`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_defect_returns_30d`, 2, LENGTH(`t_defect_returns_30d`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_defect_returns_30d`, 2, LENGTH(`t_defect_returns_30d`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_defect_returns_30d`, 2, LENGTH(`t_defect_returns_30d`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_defect_returns_30d`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_defect_returns_30d`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_defect_returns_30d`
        END AS message
      )
      WHEN NOT (
        `t_defect_returns_30d` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_defect_returns_30d` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_defect_returns_30d` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'defect_returns_30d' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_defect_returns_30d` AS message
      )
      WHEN NOT (
        `t_defect_returns_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_defect_returns_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_defect_returns_30d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_defect_returns_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'defect_returns_30d' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_defect_returns_30d` AS message
      )
      WHEN NOT (
        `t_defect_returns_30d` IS NULL
      )
      AND (
        CASE
          WHEN `t_defect_returns_30d` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_defect_returns_30d`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_defect_returns_30d`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'defect_returns_30d' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_defect_returns_30d` AS message
      )
      WHEN NOT (
        `t_defect_returns_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_defect_returns_30d` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'defect_returns_30d' AS key,
        'a count cannot be negative, got ' || `t_defect_returns_30d` AS message
      )
      WHEN NOT (
        `t_defect_returns_30d` IS NULL
      )
      AND (
        TRY_CAST(`t_defect_returns_30d` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_defect_returns_30d` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'defect_returns_30d' AS key,
        'a count is a whole number, got ' || `t_defect_returns_30d` AS message
      )
      WHEN NOT (
        `t_avg_first_response_minutes` IS NULL
      )
      AND `t_avg_first_response_minutes` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'avg_first_response_minutes' AS key,
        'expected a number (0 or more), got ' || CASE
          WHEN `t_avg_first_response_minutes` = 'nan'
          THEN 'NaN'
          WHEN `t_avg_first_response_minutes` = 'NaN'
          THEN 'NaN'
          WHEN `t_avg_first_response_minutes` = '-nan'
          THEN 'NaN'
          WHEN `t_avg_first_response_minutes` = 'inf'
          THEN 'Infinity'
          WHEN `t_avg_first_response_minutes` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_avg_first_response_minutes` = '-inf'
          THEN '-Infinity'
          WHEN `t_avg_first_response_minutes` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_avg_first_response_minutes` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_avg_first_response_minutes` = '-NaN'
          THEN '-NaN'
          WHEN `t_avg_first_response_minutes` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_avg_first_response_minutes` IS NULL
      )
      AND NOT (
        `t_avg_first_response_minutes` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'avg_first_response_minutes' AS key,
        'expected a number (0 or more), got ' || CASE
          WHEN SUBSTRING(`t_avg_first_response_minutes`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(
                SUBSTRING(`t_avg_first_response_minutes`, 2, LENGTH(`t_avg_first_response_minutes`) - 2)
              ) > 20
              THEN SUBSTRING(
                SUBSTRING(`t_avg_first_response_minutes`, 2, LENGTH(`t_avg_first_response_minutes`) - 2),
                1,
                17
              ) || '...'
              ELSE SUBSTRING(`t_avg_first_response_minutes`, 2, LENGTH(`t_avg_first_response_minutes`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_avg_first_response_minutes`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_avg_first_response_minutes`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_avg_first_response_minutes`
        END AS message
      )
      WHEN NOT (
        `t_avg_first_response_minutes` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_avg_first_response_minutes` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_avg_first_response_minutes` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'avg_first_response_minutes' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_avg_first_response_minutes` AS message
      )
      WHEN NOT (
        `t_avg_first_response_minutes` IS NULL
      )
      AND (
        CASE
          WHEN `t_avg_first_response_minutes` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_avg_first_response_minutes`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_avg_first_response_minutes`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'avg_first_response_minutes' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_avg_first_response_minutes` AS message
      )
      WHEN NOT (
        `t_avg_first_response_minutes` IS NULL
      )
      AND (
        CASE
          WHEN `t_avg_first_response_minutes` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(
            TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_avg_first_response_minutes`, '\\.([0-9]+)'))
          ) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_avg_first_response_minutes`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'avg_first_response_minutes' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_avg_first_response_minutes` AS message
      )
      WHEN NOT (
        `t_avg_first_response_minutes` IS NULL
      )
      AND (
        TRY_CAST(`t_avg_first_response_minutes` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'avg_first_response_minutes' AS key,
        'this cannot be negative, got ' || `t_avg_first_response_minutes` AS message
      )
      WHEN NOT (
        `t_buyer_messages` IS NULL
      )
      AND `t_buyer_messages` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'buyer_messages' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_buyer_messages` = 'nan'
          THEN 'NaN'
          WHEN `t_buyer_messages` = 'NaN'
          THEN 'NaN'
          WHEN `t_buyer_messages` = '-nan'
          THEN 'NaN'
          WHEN `t_buyer_messages` = 'inf'
          THEN 'Infinity'
          WHEN `t_buyer_messages` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_buyer_messages` = '-inf'
          THEN '-Infinity'
          WHEN `t_buyer_messages` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_buyer_messages` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_buyer_messages` = '-NaN'
          THEN '-NaN'
          WHEN `t_buyer_messages` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_buyer_messages` IS NULL
      )
      AND NOT (
        `t_buyer_messages` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'buyer_messages' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_buyer_messages`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_buyer_messages`, 2, LENGTH(`t_buyer_messages`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_buyer_messages`, 2, LENGTH(`t_buyer_messages`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_buyer_messages`, 2, LENGTH(`t_buyer_messages`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_buyer_messages`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_buyer_messages`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_buyer_messages`
        END AS message
      )
      WHEN NOT (
        `t_buyer_messages` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_buyer_messages` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_buyer_messages` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'buyer_messages' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_buyer_messages` AS message
      )
      WHEN NOT (
        `t_buyer_messages` IS NULL
      )
      AND (
        CASE
          WHEN `t_buyer_messages` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_buyer_messages`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_buyer_messages`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'buyer_messages' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_buyer_messages` AS message
      )
      WHEN NOT (
        `t_buyer_messages` IS NULL
      )
      AND (
        CASE
          WHEN `t_buyer_messages` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_buyer_messages`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_buyer_messages`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'buyer_messages' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_buyer_messages` AS message
      )
      WHEN NOT (
        `t_buyer_messages` IS NULL
      )
      AND (
        TRY_CAST(`t_buyer_messages` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'buyer_messages' AS key,
        'a count cannot be negative, got ' || `t_buyer_messages` AS message
      )
      WHEN NOT (
        `t_buyer_messages` IS NULL
      )
      AND (
        TRY_CAST(`t_buyer_messages` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_buyer_messages` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'buyer_messages' AS key,
        'a count is a whole number, got ' || `t_buyer_messages` AS message
      )
      WHEN NOT (
        `t_replied_within_24h` IS NULL
      )
      AND `t_replied_within_24h` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'replied_within_24h' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_replied_within_24h` = 'nan'
          THEN 'NaN'
          WHEN `t_replied_within_24h` = 'NaN'
          THEN 'NaN'
          WHEN `t_replied_within_24h` = '-nan'
          THEN 'NaN'
          WHEN `t_replied_within_24h` = 'inf'
          THEN 'Infinity'
          WHEN `t_replied_within_24h` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_replied_within_24h` = '-inf'
          THEN '-Infinity'
          WHEN `t_replied_within_24h` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_replied_within_24h` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_replied_within_24h` = '-NaN'
          THEN '-NaN'
          WHEN `t_replied_within_24h` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_replied_within_24h` IS NULL
      )
      AND NOT (
        `t_replied_within_24h` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'replied_within_24h' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_replied_within_24h`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_replied_within_24h`, 2, LENGTH(`t_replied_within_24h`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_replied_within_24h`, 2, LENGTH(`t_replied_within_24h`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_replied_within_24h`, 2, LENGTH(`t_replied_within_24h`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_replied_within_24h`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_replied_within_24h`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_replied_within_24h`
        END AS message
      )
      WHEN NOT (
        `t_replied_within_24h` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_replied_within_24h` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_replied_within_24h` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'replied_within_24h' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_replied_within_24h` AS message
      )
      WHEN NOT (
        `t_replied_within_24h` IS NULL
      )
      AND (
        CASE
          WHEN `t_replied_within_24h` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_replied_within_24h`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_replied_within_24h`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'replied_within_24h' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_replied_within_24h` AS message
      )
      WHEN NOT (
        `t_replied_within_24h` IS NULL
      )
      AND (
        CASE
          WHEN `t_replied_within_24h` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_replied_within_24h`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_replied_within_24h`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'replied_within_24h' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_replied_within_24h` AS message
      )
      WHEN NOT (
        `t_replied_within_24h` IS NULL
      )
      AND (
        TRY_CAST(`t_replied_within_24h` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'replied_within_24h' AS key,
        'a count cannot be negative, got ' || `t_replied_within_24h` AS message
      )
      WHEN NOT (
        `t_replied_within_24h` IS NULL
      )
      AND (
        TRY_CAST(`t_replied_within_24h` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_replied_within_24h` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'replied_within_24h' AS key,
        'a count is a whole number, got ' || `t_replied_within_24h` AS message
      )
      WHEN NOT (
        `t_replied_within_48h` IS NULL
      )
      AND `t_replied_within_48h` IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN STRUCT(
        'E603' AS code,
        'replied_within_48h' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN `t_replied_within_48h` = 'nan'
          THEN 'NaN'
          WHEN `t_replied_within_48h` = 'NaN'
          THEN 'NaN'
          WHEN `t_replied_within_48h` = '-nan'
          THEN 'NaN'
          WHEN `t_replied_within_48h` = 'inf'
          THEN 'Infinity'
          WHEN `t_replied_within_48h` = 'Infinity'
          THEN 'Infinity'
          WHEN `t_replied_within_48h` = '-inf'
          THEN '-Infinity'
          WHEN `t_replied_within_48h` = '-Infinity'
          THEN '-Infinity'
          WHEN `t_replied_within_48h` = 'sNaN'
          THEN 'sNaN'
          WHEN `t_replied_within_48h` = '-NaN'
          THEN '-NaN'
          WHEN `t_replied_within_48h` = '-sNaN'
          THEN '-sNaN'
        END AS message
      )
      WHEN NOT (
        `t_replied_within_48h` IS NULL
      )
      AND NOT (
        `t_replied_within_48h` RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'
      )
      THEN STRUCT(
        'E602' AS code,
        'replied_within_48h' AS key,
        'expected a count (a whole number, 0 or more), got ' || CASE
          WHEN SUBSTRING(`t_replied_within_48h`, 1, 1) = '"'
          THEN 'the string "' || (
            CASE
              WHEN LENGTH(SUBSTRING(`t_replied_within_48h`, 2, LENGTH(`t_replied_within_48h`) - 2)) > 20
              THEN SUBSTRING(SUBSTRING(`t_replied_within_48h`, 2, LENGTH(`t_replied_within_48h`) - 2), 1, 17) || '...'
              ELSE SUBSTRING(`t_replied_within_48h`, 2, LENGTH(`t_replied_within_48h`) - 2)
            END || '"'
          )
          WHEN SUBSTRING(`t_replied_within_48h`, 1, 1) = '['
          THEN 'a list'
          WHEN SUBSTRING(`t_replied_within_48h`, 1, 1) = '{'
          THEN 'an object'
          ELSE `t_replied_within_48h`
        END AS message
      )
      WHEN NOT (
        `t_replied_within_48h` IS NULL
      )
      AND (
        (
          TRY_CAST(`t_replied_within_48h` AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST(`t_replied_within_48h` AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN STRUCT(
        'E608' AS code,
        'replied_within_48h' AS key,
        'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || `t_replied_within_48h` AS message
      )
      WHEN NOT (
        `t_replied_within_48h` IS NULL
      )
      AND (
        CASE
          WHEN `t_replied_within_48h` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_replied_within_48h`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_replied_within_48h`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN STRUCT(
        'E608' AS code,
        'replied_within_48h' AS key,
        'out of range: a value has at most 30 decimal places, got ' || `t_replied_within_48h` AS message
      )
      WHEN NOT (
        `t_replied_within_48h` IS NULL
      )
      AND (
        CASE
          WHEN `t_replied_within_48h` RLIKE '^-?0+(\\.0+)?([eE][-+]?[0-9]+)?$'
          THEN 0
          ELSE LENGTH(TRIM(TRAILING '0' FROM REGEXP_EXTRACT(`t_replied_within_48h`, '\\.([0-9]+)'))) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT(`t_replied_within_48h`, '[eE]([-+]?[0-9]+)$'), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN STRUCT(
        'E608' AS code,
        'replied_within_48h' AS key,
        'out of range: in SQL a value has at most 18 decimal places, got ' || `t_replied_within_48h` AS message
      )
      WHEN NOT (
        `t_replied_within_48h` IS NULL
      )
      AND (
        TRY_CAST(`t_replied_within_48h` AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E604' AS code,
        'replied_within_48h' AS key,
        'a count cannot be negative, got ' || `t_replied_within_48h` AS message
      )
      WHEN NOT (
        `t_replied_within_48h` IS NULL
      )
      AND (
        TRY_CAST(`t_replied_within_48h` AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST(`t_replied_within_48h` AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN STRUCT(
        'E605' AS code,
        'replied_within_48h' AS key,
        'a count is a whole number, got ' || `t_replied_within_48h` AS message
      )
      WHEN (
        NOT (
          `v_cancelled_orders` IS NULL
        ) AND NOT (
          `v_orders_7d` IS NULL
        )
      )
      AND (
        `v_cancelled_orders` > `v_orders_7d`
      )
      THEN STRUCT(
        'E606' AS code,
        'cancelled_orders' AS key,
        'cancelled_orders is ' || (
          CAST(`v_cancelled_orders` AS STRING) || (
            ' but orders_7d is ' || (
              CAST(`v_orders_7d` AS STRING) || ': cancelled_orders counts some of the orders_7d, so it cannot be more than orders_7d'
            )
          )
        ) AS message
      )
      WHEN (
        NOT (
          `v_late_orders` IS NULL
        ) AND NOT (
          `v_orders_7d` IS NULL
        )
      )
      AND (
        `v_late_orders` > `v_orders_7d`
      )
      THEN STRUCT(
        'E606' AS code,
        'late_orders' AS key,
        'late_orders is ' || (
          CAST(`v_late_orders` AS STRING) || (
            ' but orders_7d is ' || (
              CAST(`v_orders_7d` AS STRING) || ': late_orders counts some of the orders_7d, so it cannot be more than orders_7d'
            )
          )
        ) AS message
      )
      WHEN (
        NOT (
          `v_seller_fault_disputes_30d` IS NULL
        )
        AND NOT (
          `v_buyer_disputes_30d` IS NULL
        )
      )
      AND (
        `v_seller_fault_disputes_30d` > `v_buyer_disputes_30d`
      )
      THEN STRUCT(
        'E606' AS code,
        'seller_fault_disputes_30d' AS key,
        'seller_fault_disputes_30d is ' || (
          CAST(`v_seller_fault_disputes_30d` AS STRING) || (
            ' but buyer_disputes_30d is ' || (
              CAST(`v_buyer_disputes_30d` AS STRING) || ': seller_fault_disputes_30d counts some of the buyer_disputes_30d, so it cannot be more than buyer_disputes_30d'
            )
          )
        ) AS message
      )
      WHEN (
        NOT (
          `v_resolved_return_requests_30d` IS NULL
        )
        AND NOT (
          `v_seller_fault_return_requests_30d` IS NULL
        )
      )
      AND (
        `v_resolved_return_requests_30d` > `v_seller_fault_return_requests_30d`
      )
      THEN STRUCT(
        'E606' AS code,
        'resolved_return_requests_30d' AS key,
        'resolved_return_requests_30d is ' || (
          CAST(`v_resolved_return_requests_30d` AS STRING) || (
            ' but seller_fault_return_requests_30d is ' || (
              CAST(`v_seller_fault_return_requests_30d` AS STRING) || ': resolved_return_requests_30d counts some of the seller_fault_return_requests_30d, so it cannot be more than seller_fault_return_requests_30d'
            )
          )
        ) AS message
      )
      WHEN (
        NOT (
          `v_defect_returns_30d` IS NULL
        ) AND NOT (
          `v_orders_30d` IS NULL
        )
      )
      AND (
        `v_defect_returns_30d` > `v_orders_30d`
      )
      THEN STRUCT(
        'E606' AS code,
        'defect_returns_30d' AS key,
        'defect_returns_30d is ' || (
          CAST(`v_defect_returns_30d` AS STRING) || (
            ' but orders_30d is ' || (
              CAST(`v_orders_30d` AS STRING) || ': defect_returns_30d counts some of the orders_30d, so it cannot be more than orders_30d'
            )
          )
        ) AS message
      )
      WHEN (
        NOT (
          `v_replied_within_24h` IS NULL
        ) AND NOT (
          `v_buyer_messages` IS NULL
        )
      )
      AND (
        `v_replied_within_24h` > `v_buyer_messages`
      )
      THEN STRUCT(
        'E606' AS code,
        'replied_within_24h' AS key,
        'replied_within_24h is ' || (
          CAST(`v_replied_within_24h` AS STRING) || (
            ' but buyer_messages is ' || (
              CAST(`v_buyer_messages` AS STRING) || ': replied_within_24h counts some of the buyer_messages, so it cannot be more than buyer_messages'
            )
          )
        ) AS message
      )
      WHEN (
        NOT (
          `v_replied_within_48h` IS NULL
        ) AND NOT (
          `v_buyer_messages` IS NULL
        )
      )
      AND (
        `v_replied_within_48h` > `v_buyer_messages`
      )
      THEN STRUCT(
        'E606' AS code,
        'replied_within_48h' AS key,
        'replied_within_48h is ' || (
          CAST(`v_replied_within_48h` AS STRING) || (
            ' but buyer_messages is ' || (
              CAST(`v_buyer_messages` AS STRING) || ': replied_within_48h counts some of the buyer_messages, so it cannot be more than buyer_messages'
            )
          )
        ) AS message
      )
      ELSE CAST(NULL AS STRUCT<code: STRING, key: STRING, message: STRING>)
    END AS `error`
  FROM read
), quotients AS (
  SELECT
    *,
    CASE
      WHEN NOT (
        `v_cancelled_orders` IS NULL
      )
      AND (
        `v_orders_7d` > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST((
        (
          `v_cancelled_orders` * CAST(10000 AS DECIMAL(38, 0))
        ) - (
          (
            `v_cancelled_orders` * CAST(10000 AS DECIMAL(38, 0))
          ) % `v_orders_7d`
        )
      ) / `v_orders_7d` AS DECIMAL(38, 0))
    END AS `q_SFCR`,
    CASE
      WHEN NOT (
        `v_late_orders` IS NULL
      )
      AND (
        `v_orders_7d` > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST((
        (
          `v_late_orders` * CAST(10000 AS DECIMAL(38, 0))
        ) - (
          (
            `v_late_orders` * CAST(10000 AS DECIMAL(38, 0))
          ) % `v_orders_7d`
        )
      ) / `v_orders_7d` AS DECIMAL(38, 0))
    END AS `q_LDR`,
    CASE
      WHEN NOT (
        `v_replied_within_24h` IS NULL
      )
      AND (
        `v_buyer_messages` > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST((
        (
          `v_replied_within_24h` * CAST(10000 AS DECIMAL(38, 0))
        ) - (
          (
            `v_replied_within_24h` * CAST(10000 AS DECIMAL(38, 0))
          ) % `v_buyer_messages`
        )
      ) / `v_buyer_messages` AS DECIMAL(38, 0))
    END AS `q_RR24`,
    CASE
      WHEN NOT (
        `v_replied_within_48h` IS NULL
      )
      AND (
        `v_buyer_messages` > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST((
        (
          `v_replied_within_48h` * CAST(10000 AS DECIMAL(38, 0))
        ) - (
          (
            `v_replied_within_48h` * CAST(10000 AS DECIMAL(38, 0))
          ) % `v_buyer_messages`
        )
      ) / `v_buyer_messages` AS DECIMAL(38, 0))
    END AS `q_RR48`,
    CASE
      WHEN NOT (
        `v_negative_reviews_30d` IS NULL
      )
      AND (
        `v_non_cancelled_orders_30d` > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST((
        (
          `v_negative_reviews_30d` * CAST(10000 AS DECIMAL(38, 0))
        ) - (
          (
            `v_negative_reviews_30d` * CAST(10000 AS DECIMAL(38, 0))
          ) % `v_non_cancelled_orders_30d`
        )
      ) / `v_non_cancelled_orders_30d` AS DECIMAL(38, 0))
    END AS `q_NRR`,
    CASE
      WHEN NOT (
        `v_seller_fault_disputes_30d` IS NULL
      )
      AND (
        `v_buyer_disputes_30d` > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST((
        (
          `v_seller_fault_disputes_30d` * CAST(10000 AS DECIMAL(38, 0))
        ) - (
          (
            `v_seller_fault_disputes_30d` * CAST(10000 AS DECIMAL(38, 0))
          ) % `v_buyer_disputes_30d`
        )
      ) / `v_buyer_disputes_30d` AS DECIMAL(38, 0))
    END AS `q_DRR`,
    CASE
      WHEN NOT (
        `v_resolved_return_requests_30d` IS NULL
      )
      AND (
        `v_seller_fault_return_requests_30d` > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST((
        (
          `v_resolved_return_requests_30d` * CAST(10000 AS DECIMAL(38, 0))
        ) - (
          (
            `v_resolved_return_requests_30d` * CAST(10000 AS DECIMAL(38, 0))
          ) % `v_seller_fault_return_requests_30d`
        )
      ) / `v_seller_fault_return_requests_30d` AS DECIMAL(38, 0))
    END AS `q_RRR`,
    CASE
      WHEN NOT (
        `v_defect_returns_30d` IS NULL
      )
      AND (
        `v_orders_30d` > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST((
        (
          `v_defect_returns_30d` * CAST(10000 AS DECIMAL(38, 0))
        ) - (
          (
            `v_defect_returns_30d` * CAST(10000 AS DECIMAL(38, 0))
          ) % `v_orders_30d`
        )
      ) / `v_orders_30d` AS DECIMAL(38, 0))
    END AS `q_DFR`
  FROM checked
), rests AS (
  SELECT
    *,
    (
      `v_cancelled_orders` * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      `q_SFCR` * `v_orders_7d`
    ) AS `r_SFCR`,
    (
      `v_late_orders` * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      `q_LDR` * `v_orders_7d`
    ) AS `r_LDR`,
    (
      `v_replied_within_24h` * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      `q_RR24` * `v_buyer_messages`
    ) AS `r_RR24`,
    (
      `v_replied_within_48h` * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      `q_RR48` * `v_buyer_messages`
    ) AS `r_RR48`,
    (
      `v_negative_reviews_30d` * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      `q_NRR` * `v_non_cancelled_orders_30d`
    ) AS `r_NRR`,
    (
      `v_seller_fault_disputes_30d` * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      `q_DRR` * `v_buyer_disputes_30d`
    ) AS `r_DRR`,
    (
      `v_resolved_return_requests_30d` * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      `q_RRR` * `v_seller_fault_return_requests_30d`
    ) AS `r_RRR`,
    (
      `v_defect_returns_30d` * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      `q_DFR` * `v_orders_30d`
    ) AS `r_DFR`
  FROM quotients
), hundredths AS (
  SELECT
    *,
    `q_SFCR` + CASE
      WHEN (
        (
          `r_SFCR` * CAST(2 AS DECIMAL(38, 0))
        ) > `v_orders_7d`
      )
      OR (
        (
          (
            `r_SFCR` * CAST(2 AS DECIMAL(38, 0))
          ) = `v_orders_7d`
        )
        AND (
          (
            `q_SFCR` % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS `h_SFCR`,
    `q_LDR` + CASE
      WHEN (
        (
          `r_LDR` * CAST(2 AS DECIMAL(38, 0))
        ) > `v_orders_7d`
      )
      OR (
        (
          (
            `r_LDR` * CAST(2 AS DECIMAL(38, 0))
          ) = `v_orders_7d`
        )
        AND (
          (
            `q_LDR` % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS `h_LDR`,
    `q_RR24` + CASE
      WHEN (
        (
          `r_RR24` * CAST(2 AS DECIMAL(38, 0))
        ) > `v_buyer_messages`
      )
      OR (
        (
          (
            `r_RR24` * CAST(2 AS DECIMAL(38, 0))
          ) = `v_buyer_messages`
        )
        AND (
          (
            `q_RR24` % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS `h_RR24`,
    `q_RR48` + CASE
      WHEN (
        (
          `r_RR48` * CAST(2 AS DECIMAL(38, 0))
        ) > `v_buyer_messages`
      )
      OR (
        (
          (
            `r_RR48` * CAST(2 AS DECIMAL(38, 0))
          ) = `v_buyer_messages`
        )
        AND (
          (
            `q_RR48` % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS `h_RR48`,
    `q_NRR` + CASE
      WHEN (
        (
          `r_NRR` * CAST(2 AS DECIMAL(38, 0))
        ) > `v_non_cancelled_orders_30d`
      )
      OR (
        (
          (
            `r_NRR` * CAST(2 AS DECIMAL(38, 0))
          ) = `v_non_cancelled_orders_30d`
        )
        AND (
          (
            `q_NRR` % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS `h_NRR`,
    `q_DRR` + CASE
      WHEN (
        (
          `r_DRR` * CAST(2 AS DECIMAL(38, 0))
        ) > `v_buyer_disputes_30d`
      )
      OR (
        (
          (
            `r_DRR` * CAST(2 AS DECIMAL(38, 0))
          ) = `v_buyer_disputes_30d`
        )
        AND (
          (
            `q_DRR` % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS `h_DRR`,
    `q_RRR` + CASE
      WHEN (
        (
          `r_RRR` * CAST(2 AS DECIMAL(38, 0))
        ) > `v_seller_fault_return_requests_30d`
      )
      OR (
        (
          (
            `r_RRR` * CAST(2 AS DECIMAL(38, 0))
          ) = `v_seller_fault_return_requests_30d`
        )
        AND (
          (
            `q_RRR` % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS `h_RRR`,
    `q_DFR` + CASE
      WHEN (
        (
          `r_DFR` * CAST(2 AS DECIMAL(38, 0))
        ) > `v_orders_30d`
      )
      OR (
        (
          (
            `r_DFR` * CAST(2 AS DECIMAL(38, 0))
          ) = `v_orders_30d`
        )
        AND (
          (
            `q_DFR` % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS `h_DFR`
  FROM rests
), shown AS (
  SELECT
    *,
    (
      CASE WHEN `r_SFCR` = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST((
          `h_SFCR` - (
            `h_SFCR` % CAST(100 AS DECIMAL(38, 0))
          )
        ) / CAST(100 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || (
          CASE
            WHEN (
              `h_SFCR` % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || TRIM(TRAILING '0' FROM LPAD(CAST(`h_SFCR` % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0'))
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST(`v_cancelled_orders` AS STRING) || (
          '/' || (
            CAST(`v_orders_7d` AS STRING) || ')'
          )
        )
      )
    ) AS `s_SFCR`,
    (
      CASE WHEN `r_LDR` = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST((
          `h_LDR` - (
            `h_LDR` % CAST(100 AS DECIMAL(38, 0))
          )
        ) / CAST(100 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || (
          CASE
            WHEN (
              `h_LDR` % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || TRIM(TRAILING '0' FROM LPAD(CAST(`h_LDR` % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0'))
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST(`v_late_orders` AS STRING) || (
          '/' || (
            CAST(`v_orders_7d` AS STRING) || ')'
          )
        )
      )
    ) AS `s_LDR`,
    CASE
      WHEN `v_avg_first_response_minutes` IS NULL
      THEN NULL
      ELSE CASE
        WHEN `v_avg_first_response_minutes` = CAST('0' AS DECIMAL(38, 18))
        THEN '0'
        ELSE TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(`v_avg_first_response_minutes` AS STRING)))
      END
    END || 'min' AS `s_FRT`,
    (
      CASE WHEN `r_RR24` = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST((
          `h_RR24` - (
            `h_RR24` % CAST(100 AS DECIMAL(38, 0))
          )
        ) / CAST(100 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || (
          CASE
            WHEN (
              `h_RR24` % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || TRIM(TRAILING '0' FROM LPAD(CAST(`h_RR24` % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0'))
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST(`v_replied_within_24h` AS STRING) || (
          '/' || (
            CAST(`v_buyer_messages` AS STRING) || ')'
          )
        )
      )
    ) AS `s_RR24`,
    (
      CASE WHEN `r_RR48` = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST((
          `h_RR48` - (
            `h_RR48` % CAST(100 AS DECIMAL(38, 0))
          )
        ) / CAST(100 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || (
          CASE
            WHEN (
              `h_RR48` % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || TRIM(TRAILING '0' FROM LPAD(CAST(`h_RR48` % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0'))
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST(`v_replied_within_48h` AS STRING) || (
          '/' || (
            CAST(`v_buyer_messages` AS STRING) || ')'
          )
        )
      )
    ) AS `s_RR48`,
    (
      CASE WHEN `r_NRR` = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST((
          `h_NRR` - (
            `h_NRR` % CAST(100 AS DECIMAL(38, 0))
          )
        ) / CAST(100 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || (
          CASE
            WHEN (
              `h_NRR` % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || TRIM(TRAILING '0' FROM LPAD(CAST(`h_NRR` % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0'))
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST(`v_negative_reviews_30d` AS STRING) || (
          '/' || (
            CAST(`v_non_cancelled_orders_30d` AS STRING) || ')'
          )
        )
      )
    ) AS `s_NRR`,
    (
      CASE WHEN `r_DRR` = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST((
          `h_DRR` - (
            `h_DRR` % CAST(100 AS DECIMAL(38, 0))
          )
        ) / CAST(100 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || (
          CASE
            WHEN (
              `h_DRR` % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || TRIM(TRAILING '0' FROM LPAD(CAST(`h_DRR` % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0'))
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST(`v_seller_fault_disputes_30d` AS STRING) || (
          '/' || (
            CAST(`v_buyer_disputes_30d` AS STRING) || ')'
          )
        )
      )
    ) AS `s_DRR`,
    (
      CASE WHEN `r_RRR` = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST((
          `h_RRR` - (
            `h_RRR` % CAST(100 AS DECIMAL(38, 0))
          )
        ) / CAST(100 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || (
          CASE
            WHEN (
              `h_RRR` % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || TRIM(TRAILING '0' FROM LPAD(CAST(`h_RRR` % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0'))
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST(`v_resolved_return_requests_30d` AS STRING) || (
          '/' || (
            CAST(`v_seller_fault_return_requests_30d` AS STRING) || ')'
          )
        )
      )
    ) AS `s_RRR`,
    (
      CASE WHEN `r_DFR` = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST((
          `h_DFR` - (
            `h_DFR` % CAST(100 AS DECIMAL(38, 0))
          )
        ) / CAST(100 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || (
          CASE
            WHEN (
              `h_DFR` % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || TRIM(TRAILING '0' FROM LPAD(CAST(`h_DFR` % CAST(100 AS DECIMAL(38, 0)) AS STRING), 2, '0'))
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST(`v_defect_returns_30d` AS STRING) || (
          '/' || (
            CAST(`v_orders_30d` AS STRING) || ')'
          )
        )
      )
    ) AS `s_DFR`,
    CAST(`v_orders_7d` AS STRING) AS `s_orders_7d`,
    CAST(`v_cancelled_orders` AS STRING) AS `s_cancelled_orders`,
    CAST(`v_late_orders` AS STRING) AS `s_late_orders`,
    CASE
      WHEN `v_avg_daily_orders_4w` IS NULL
      THEN NULL
      ELSE CASE
        WHEN `v_avg_daily_orders_4w` = CAST('0' AS DECIMAL(38, 18))
        THEN '0'
        ELSE TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(`v_avg_daily_orders_4w` AS STRING)))
      END
    END AS `s_avg_daily_orders_4w`,
    CAST(`v_orders_30d` AS STRING) AS `s_orders_30d`,
    CAST(`v_non_cancelled_orders_30d` AS STRING) AS `s_non_cancelled_orders_30d`,
    CAST(`v_negative_reviews_30d` AS STRING) AS `s_negative_reviews_30d`,
    CAST(`v_buyer_disputes_30d` AS STRING) AS `s_buyer_disputes_30d`,
    CAST(`v_seller_fault_disputes_30d` AS STRING) AS `s_seller_fault_disputes_30d`,
    CAST(`v_seller_fault_return_requests_30d` AS STRING) AS `s_seller_fault_return_requests_30d`,
    CAST(`v_resolved_return_requests_30d` AS STRING) AS `s_resolved_return_requests_30d`,
    CAST(`v_defect_returns_30d` AS STRING) AS `s_defect_returns_30d`,
    CASE
      WHEN `v_avg_first_response_minutes` IS NULL
      THEN NULL
      ELSE CASE
        WHEN `v_avg_first_response_minutes` = CAST('0' AS DECIMAL(38, 18))
        THEN '0'
        ELSE TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(`v_avg_first_response_minutes` AS STRING)))
      END
    END || 'min' AS `s_avg_first_response_minutes`,
    CAST(`v_buyer_messages` AS STRING) AS `s_buyer_messages`,
    CAST(`v_replied_within_24h` AS STRING) AS `s_replied_within_24h`,
    CAST(`v_replied_within_48h` AS STRING) AS `s_replied_within_48h`
  FROM hundredths
), ruled AS (
  SELECT
    *,
    CASE
      WHEN (
        (
          (
            (
              NOT (
                `v_cancelled_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND (
        `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        CAST(NULL AS STRING) AS table,
        1 AS row,
        2 AS points,
        FALSE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:12' AS where,
        'Seller-fault cancellation rate (SFCR) is ' || (
          `s_SFCR` || (
            ': at least 2.5% and below 10%; cancelled_orders is ' || (
              `s_cancelled_orders` || ': at least 5. Rule seller_fault_cancellation, row 1 (fulfilment.pol:12): 2 points.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        CAST(NULL AS STRING) AS table,
        2 AS row,
        4 AS points,
        FALSE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:13' AS where,
        'Seller-fault cancellation rate (SFCR) is ' || (
          `s_SFCR` || (
            ': at least 10% and below 25%; cancelled_orders is ' || (
              `s_cancelled_orders` || ': at least 5. Rule seller_fault_cancellation, row 2 (fulfilment.pol:13): 4 points.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        CAST(NULL AS STRING) AS table,
        3 AS row,
        5 AS points,
        FALSE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:14' AS where,
        'Seller-fault cancellation rate (SFCR) is ' || (
          `s_SFCR` || (
            ': at least 25% and below 50%; cancelled_orders is ' || (
              `s_cancelled_orders` || ': at least 5. Rule seller_fault_cancellation, row 3 (fulfilment.pol:14): 5 points.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
            AND (
              `v_cancelled_orders` <= CAST(29 AS DECIMAL(38, 0))
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        CAST(NULL AS STRING) AS table,
        4 AS row,
        6 AS points,
        FALSE AS warning,
        CAST(STRUCT(
          7 AS days,
          '10' AS percent,
          'avg4w' AS basis,
          CAST(CAST((
            (
              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
            ) - (
              (
                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              ) % CAST(10 AS DECIMAL(38, 0))
            )
          ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
            (
              (
                (
                  (
                    CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                  ) % CAST(10 AS DECIMAL(38, 0))
                ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
              ) + (
                CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              )
            ) - (
              (
                (
                  (
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                    ) % CAST(10 AS DECIMAL(38, 0))
                  ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                ) + (
                  CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                )
              ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
            )
          ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS daily_cap
        ) AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:15' AS where,
        'Seller-fault cancellation rate (SFCR) is ' || (
          `s_SFCR` || (
            ': at least 50%; cancelled_orders is ' || (
              `s_cancelled_orders` || (
                ': at least 5 and at most 29. Rule seller_fault_cancellation, row 4 (fulfilment.pol:15): 6 points and an order volume limit for 7 days at 10% of the average daily orders over the past 4 weeks' || (
                  CASE
                    WHEN `v_avg_daily_orders_4w` IS NULL
                    THEN ''
                    ELSE ' (at most ' || (
                      CAST(CAST(CAST((
                        (
                          CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                        ) - (
                          (
                            CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          ) % CAST(10 AS DECIMAL(38, 0))
                        )
                      ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
                        (
                          (
                            (
                              (
                                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                              ) % CAST(10 AS DECIMAL(38, 0))
                            ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                          ) + (
                            CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          )
                        ) - (
                          (
                            (
                              (
                                (
                                  CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                                ) % CAST(10 AS DECIMAL(38, 0))
                              ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                            ) + (
                              CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                            )
                          ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
                        )
                      ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || ' orders a day)'
                    )
                  END || '.'
                )
              )
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(30 AS DECIMAL(38, 0))
              )
            )
            AND NOT (
              (
                (
                  (
                    (
                      NOT (
                        `v_cancelled_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
        AND (
          `v_cancelled_orders` <= CAST(29 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        CAST(NULL AS STRING) AS table,
        5 AS row,
        7 AS points,
        FALSE AS warning,
        CAST(STRUCT(
          7 AS days,
          '10' AS percent,
          'avg4w' AS basis,
          CAST(CAST((
            (
              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
            ) - (
              (
                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              ) % CAST(10 AS DECIMAL(38, 0))
            )
          ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
            (
              (
                (
                  (
                    CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                  ) % CAST(10 AS DECIMAL(38, 0))
                ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
              ) + (
                CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              )
            ) - (
              (
                (
                  (
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                    ) % CAST(10 AS DECIMAL(38, 0))
                  ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                ) + (
                  CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                )
              ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
            )
          ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS daily_cap
        ) AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:16' AS where,
        'Seller-fault cancellation rate (SFCR) is ' || (
          `s_SFCR` || (
            ': at least 50%; cancelled_orders is ' || (
              `s_cancelled_orders` || (
                ': at least 30. Rule seller_fault_cancellation, row 5 (fulfilment.pol:16): 7 points and an order volume limit for 7 days at 10% of the average daily orders over the past 4 weeks' || (
                  CASE
                    WHEN `v_avg_daily_orders_4w` IS NULL
                    THEN ''
                    ELSE ' (at most ' || (
                      CAST(CAST(CAST((
                        (
                          CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                        ) - (
                          (
                            CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          ) % CAST(10 AS DECIMAL(38, 0))
                        )
                      ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
                        (
                          (
                            (
                              (
                                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                              ) % CAST(10 AS DECIMAL(38, 0))
                            ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                          ) + (
                            CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          )
                        ) - (
                          (
                            (
                              (
                                (
                                  CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                                ) % CAST(10 AS DECIMAL(38, 0))
                              ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                            ) + (
                              CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                            )
                          ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
                        )
                      ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || ' orders a day)'
                    )
                  END || '.'
                )
              )
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
    END AS `violations_0_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          (
            `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        'SFCR' AS metric,
        CAST(`v_cancelled_orders` AS STRING) || (
          '/' || CAST(`v_orders_7d` AS STRING)
        ) AS value,
        '< 2.5%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_0_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_cancelled_orders` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_orders_7d` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        'SFCR' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
          THEN 'cancelled_orders is not given'
          WHEN NOT (
            `v_cancelled_orders` IS NULL
          ) AND (
            `v_orders_7d` IS NULL
          )
          THEN 'orders_7d is not given'
          WHEN (
            `v_cancelled_orders` IS NULL
          ) AND (
            `v_orders_7d` IS NULL
          )
          THEN 'cancelled_orders and orders_7d are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_orders_7d` IS NULL
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        'SFCR' AS metric,
        'zero_denominator' AS cause,
        'orders_7d is 0, so SFCR is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_0_0`,
    CASE
      WHEN (
        (
          (
            (
              (
                (
                  (
                    (
                      NOT (
                        `v_cancelled_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
            OR (
              (
                (
                  (
                    (
                      (
                        NOT (
                          `v_cancelled_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
                )
              )
              AND NOT (
                (
                  (
                    (
                      (
                        NOT (
                          `v_cancelled_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
                )
              )
            )
          )
          OR (
            (
              (
                (
                  (
                    (
                      (
                        NOT (
                          `v_cancelled_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
                )
              )
              AND NOT (
                (
                  (
                    (
                      (
                        NOT (
                          `v_cancelled_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
                )
              )
            )
            AND NOT (
              (
                (
                  (
                    (
                      NOT (
                        `v_cancelled_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
          )
        )
        OR (
          (
            (
              (
                (
                  (
                    (
                      (
                        NOT (
                          `v_cancelled_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  `v_cancelled_orders` <= CAST(29 AS DECIMAL(38, 0))
                )
              )
              AND NOT (
                (
                  (
                    (
                      (
                        NOT (
                          `v_cancelled_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
                )
              )
            )
            AND NOT (
              (
                (
                  (
                    (
                      NOT (
                        `v_cancelled_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
      )
      OR (
        (
          (
            (
              (
                (
                  (
                    (
                      NOT (
                        `v_cancelled_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_cancelled_orders` >= CAST(30 AS DECIMAL(38, 0))
                )
              )
              AND NOT (
                (
                  (
                    (
                      (
                        NOT (
                          `v_cancelled_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
                )
              )
            )
            AND NOT (
              (
                (
                  (
                    (
                      NOT (
                        `v_cancelled_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
          AND (
            `v_cancelled_orders` <= CAST(29 AS DECIMAL(38, 0))
          )
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        CAST(ARRAY('extend_settlement', 'deduct_funds') AS ARRAY<STRING>) AS measures
      ) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_0_0`,
    CAST(CASE
      WHEN (
        (
          (
            (
              NOT (
                `v_cancelled_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND (
        `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
      )
      THEN 2
      WHEN (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN 4
      WHEN (
        (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN 5
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
            AND (
              `v_cancelled_orders` <= CAST(29 AS DECIMAL(38, 0))
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN 6
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(30 AS DECIMAL(38, 0))
              )
            )
            AND NOT (
              (
                (
                  (
                    (
                      NOT (
                        `v_cancelled_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_cancelled_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_cancelled_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_cancelled_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_cancelled_orders` * CAST(4 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_cancelled_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_cancelled_orders` * CAST(2 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_cancelled_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
        AND (
          `v_cancelled_orders` <= CAST(29 AS DECIMAL(38, 0))
        )
      )
      THEN 7
      ELSE 0
    END AS INT) AS `points_0`,
    FALSE AS `warning_0`,
    CASE
      WHEN (
        (
          (
            NOT (
              `v_late_orders` IS NULL
            ) AND NOT (
              `v_orders_7d` IS NULL
            )
          )
          AND (
            `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
          ) >= (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND (
        (
          `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
        ) < (
          CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        CAST(NULL AS STRING) AS table,
        1 AS row,
        0 AS points,
        TRUE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:39' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || ': at least 4% and below 10%. Rule late_dispatch, row 1 (fulfilment.pol:39): a warning (0 points).'
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        CAST(NULL AS STRING) AS table,
        2 AS row,
        3 AS points,
        FALSE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:40' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || (
            ': at least 10% and below 25%; late_orders is ' || (
              `s_late_orders` || ': at least 5. Rule late_dispatch, row 2 (fulfilment.pol:40): 3 points.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
        AND NOT (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        CAST(NULL AS STRING) AS table,
        3 AS row,
        5 AS points,
        FALSE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:41' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || (
            ': at least 25% and below 50%; late_orders is ' || (
              `s_late_orders` || ': at least 5. Rule late_dispatch, row 3 (fulfilment.pol:41): 5 points.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
            AND (
              `v_late_orders` <= CAST(29 AS DECIMAL(38, 0))
            )
          )
          AND NOT (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        CAST(NULL AS STRING) AS table,
        4 AS row,
        6 AS points,
        FALSE AS warning,
        CAST(STRUCT(
          7 AS days,
          '10' AS percent,
          'avg4w' AS basis,
          CAST(CAST((
            (
              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
            ) - (
              (
                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              ) % CAST(10 AS DECIMAL(38, 0))
            )
          ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
            (
              (
                (
                  (
                    CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                  ) % CAST(10 AS DECIMAL(38, 0))
                ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
              ) + (
                CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              )
            ) - (
              (
                (
                  (
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                    ) % CAST(10 AS DECIMAL(38, 0))
                  ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                ) + (
                  CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                )
              ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
            )
          ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS daily_cap
        ) AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:42' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || (
            ': at least 50%; late_orders is ' || (
              `s_late_orders` || (
                ': at least 5 and at most 29. Rule late_dispatch, row 4 (fulfilment.pol:42): 6 points and an order volume limit for 7 days at 10% of the average daily orders over the past 4 weeks' || (
                  CASE
                    WHEN `v_avg_daily_orders_4w` IS NULL
                    THEN ''
                    ELSE ' (at most ' || (
                      CAST(CAST(CAST((
                        (
                          CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                        ) - (
                          (
                            CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          ) % CAST(10 AS DECIMAL(38, 0))
                        )
                      ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
                        (
                          (
                            (
                              (
                                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                              ) % CAST(10 AS DECIMAL(38, 0))
                            ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                          ) + (
                            CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          )
                        ) - (
                          (
                            (
                              (
                                (
                                  CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                                ) % CAST(10 AS DECIMAL(38, 0))
                              ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                            ) + (
                              CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                            )
                          ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
                        )
                      ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || ' orders a day)'
                    )
                  END || '.'
                )
              )
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_late_orders` >= CAST(30 AS DECIMAL(38, 0))
              )
            )
            AND NOT (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
        AND (
          `v_late_orders` <= CAST(29 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        CAST(NULL AS STRING) AS table,
        5 AS row,
        7 AS points,
        FALSE AS warning,
        CAST(STRUCT(
          7 AS days,
          '10' AS percent,
          'avg4w' AS basis,
          CAST(CAST((
            (
              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
            ) - (
              (
                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              ) % CAST(10 AS DECIMAL(38, 0))
            )
          ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
            (
              (
                (
                  (
                    CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                  ) % CAST(10 AS DECIMAL(38, 0))
                ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
              ) + (
                CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              )
            ) - (
              (
                (
                  (
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                    ) % CAST(10 AS DECIMAL(38, 0))
                  ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                ) + (
                  CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                )
              ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
            )
          ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS daily_cap
        ) AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:43' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || (
            ': at least 50%; late_orders is ' || (
              `s_late_orders` || (
                ': at least 30. Rule late_dispatch, row 5 (fulfilment.pol:43): 7 points and an order volume limit for 7 days at 10% of the average daily orders over the past 4 weeks' || (
                  CASE
                    WHEN `v_avg_daily_orders_4w` IS NULL
                    THEN ''
                    ELSE ' (at most ' || (
                      CAST(CAST(CAST((
                        (
                          CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                        ) - (
                          (
                            CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          ) % CAST(10 AS DECIMAL(38, 0))
                        )
                      ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
                        (
                          (
                            (
                              (
                                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                              ) % CAST(10 AS DECIMAL(38, 0))
                            ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                          ) + (
                            CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          )
                        ) - (
                          (
                            (
                              (
                                (
                                  CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                                ) % CAST(10 AS DECIMAL(38, 0))
                              ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                            ) + (
                              CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                            )
                          ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
                        )
                      ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || ' orders a day)'
                    )
                  END || '.'
                )
              )
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
    END AS `violations_1_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_late_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_late_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          (
            `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'LDR' AS metric,
        CAST(`v_late_orders` AS STRING) || (
          '/' || CAST(`v_orders_7d` AS STRING)
        ) AS value,
        '< 4%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_1_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_late_orders` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_orders_7d` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'LDR' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_late_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
          THEN 'late_orders is not given'
          WHEN NOT (
            `v_late_orders` IS NULL
          ) AND (
            `v_orders_7d` IS NULL
          )
          THEN 'orders_7d is not given'
          WHEN (
            `v_late_orders` IS NULL
          ) AND (
            `v_orders_7d` IS NULL
          )
          THEN 'late_orders and orders_7d are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_orders_7d` IS NULL
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'LDR' AS metric,
        'zero_denominator' AS cause,
        'orders_7d is 0, so LDR is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_1_0`,
    CASE
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            OR (
              (
                (
                  (
                    (
                      (
                        NOT (
                          `v_late_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
                )
              )
              AND NOT (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
            )
          )
          OR (
            (
              (
                (
                  (
                    (
                      (
                        NOT (
                          `v_late_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
                )
              )
              AND NOT (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
            )
            AND NOT (
              (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
          )
        )
        OR (
          (
            (
              (
                (
                  (
                    (
                      (
                        NOT (
                          `v_late_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  `v_late_orders` <= CAST(29 AS DECIMAL(38, 0))
                )
              )
              AND NOT (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
            )
            AND NOT (
              (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
      )
      OR (
        (
          (
            (
              (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  `v_late_orders` >= CAST(30 AS DECIMAL(38, 0))
                )
              )
              AND NOT (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
            )
            AND NOT (
              (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
          AND (
            `v_late_orders` <= CAST(29 AS DECIMAL(38, 0))
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        CAST(ARRAY('extend_settlement', 'deduct_funds') AS ARRAY<STRING>) AS measures
      ) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_1_0`,
    CAST(CASE
      WHEN (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN 3
      WHEN (
        (
          (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
        AND NOT (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN 5
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
              )
            )
            AND (
              `v_late_orders` <= CAST(29 AS DECIMAL(38, 0))
            )
          )
          AND NOT (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
        )
      )
      THEN 6
      WHEN (
        (
          (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                `v_late_orders` >= CAST(30 AS DECIMAL(38, 0))
              )
            )
            AND NOT (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
          )
          AND NOT (
            (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
            )
          )
        )
        AND NOT (
          (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
      )
      AND NOT (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            `v_late_orders` >= CAST(5 AS DECIMAL(38, 0))
          )
        )
        AND (
          `v_late_orders` <= CAST(29 AS DECIMAL(38, 0))
        )
      )
      THEN 7
      ELSE 0
    END AS INT) AS `points_1`,
    (
      (
        (
          NOT (
            `v_late_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND (
        (
          `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
        ) >= (
          CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
    )
    AND (
      (
        `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
      ) < (
        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
      )
    ) AS `warning_1`,
    CASE
      WHEN (
        (
          (
            NOT (
              `v_defect_returns_30d` IS NULL
            ) AND NOT (
              `v_orders_30d` IS NULL
            )
          )
          AND (
            `v_orders_30d` >= CAST(101 AS DECIMAL(38, 0))
          )
        )
        AND (
          `v_orders_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_defect_returns_30d` IS NULL
          ) AND NOT (
            `v_orders_30d` IS NULL
          )
        )
        AND (
          (
            `v_defect_returns_30d` * CAST(200 AS DECIMAL(38, 0))
          ) < (
            CAST(3 AS DECIMAL(38, 0)) * `v_orders_30d`
          )
        )
      )
      THEN CAST(STRUCT(
        'defect_return_rate' AS rule,
        'DFR' AS metric,
        CAST(`v_defect_returns_30d` AS STRING) || (
          '/' || CAST(`v_orders_30d` AS STRING)
        ) AS value,
        '< 1.5%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_2_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_defect_returns_30d` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_orders_30d` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'defect_return_rate' AS rule,
        'DFR' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_defect_returns_30d` IS NULL
          ) AND NOT (
            `v_orders_30d` IS NULL
          )
          THEN 'defect_returns_30d is not given'
          WHEN NOT (
            `v_defect_returns_30d` IS NULL
          ) AND (
            `v_orders_30d` IS NULL
          )
          THEN 'orders_30d is not given'
          WHEN (
            `v_defect_returns_30d` IS NULL
          ) AND (
            `v_orders_30d` IS NULL
          )
          THEN 'defect_returns_30d and orders_30d are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_orders_30d` IS NULL
        )
        AND (
          `v_orders_30d` >= CAST(101 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'defect_return_rate' AS rule,
        'DFR' AS metric,
        'only_if' AS cause,
        'DFR applies only if orders_30d > 100; orders_30d is ' || `s_orders_30d` AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_2_0`,
    CASE
      WHEN (
        (
          (
            NOT (
              `v_defect_returns_30d` IS NULL
            ) AND NOT (
              `v_orders_30d` IS NULL
            )
          )
          AND (
            `v_orders_30d` >= CAST(101 AS DECIMAL(38, 0))
          )
        )
        AND (
          `v_orders_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_defect_returns_30d` IS NULL
          ) AND NOT (
            `v_orders_30d` IS NULL
          )
        )
        AND (
          (
            `v_defect_returns_30d` * CAST(200 AS DECIMAL(38, 0))
          ) < (
            CAST(3 AS DECIMAL(38, 0)) * `v_orders_30d`
          )
        )
      )
      THEN CAST(STRUCT('defect_return_rate' AS rule, CAST(ARRAY('points') AS ARRAY<STRING>) AS measures) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_2_0`,
    CAST(0 AS INT) AS `points_2`,
    FALSE AS `warning_2`,
    CASE
      WHEN NOT (
        `v_avg_first_response_minutes` IS NULL
      )
      AND NOT (
        NOT (
          `v_avg_first_response_minutes` IS NULL
        )
        AND (
          `v_avg_first_response_minutes` <= CAST('30' AS DECIMAL(38, 18))
        )
      )
      THEN CAST(STRUCT(
        'first_response_time' AS rule,
        'FRT' AS metric,
        `s_FRT` AS value,
        '<= 30min' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_3_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_avg_first_response_minutes` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'first_response_time' AS rule,
        'FRT' AS metric,
        'absent' AS cause,
        CASE
          WHEN `v_avg_first_response_minutes` IS NULL
          THEN 'avg_first_response_minutes is not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_3_0`,
    CASE
      WHEN NOT (
        `v_avg_first_response_minutes` IS NULL
      )
      AND NOT (
        NOT (
          `v_avg_first_response_minutes` IS NULL
        )
        AND (
          `v_avg_first_response_minutes` <= CAST('30' AS DECIMAL(38, 18))
        )
      )
      THEN CAST(STRUCT('first_response_time' AS rule, CAST(ARRAY('points') AS ARRAY<STRING>) AS measures) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_3_0`,
    CAST(0 AS INT) AS `points_3`,
    FALSE AS `warning_3`,
    CASE
      WHEN (
        (
          NOT (
            `v_replied_within_24h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
        )
        AND (
          `v_buyer_messages` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_replied_within_24h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
        )
        AND (
          (
            `v_replied_within_24h` * CAST(20 AS DECIMAL(38, 0))
          ) >= (
            CAST(17 AS DECIMAL(38, 0)) * `v_buyer_messages`
          )
        )
      )
      THEN CAST(STRUCT(
        'response_rate_24h' AS rule,
        'RR24' AS metric,
        CAST(`v_replied_within_24h` AS STRING) || (
          '/' || CAST(`v_buyer_messages` AS STRING)
        ) AS value,
        '>= 85%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_4_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_replied_within_24h` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_buyer_messages` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'response_rate_24h' AS rule,
        'RR24' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_replied_within_24h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
          THEN 'replied_within_24h is not given'
          WHEN NOT (
            `v_replied_within_24h` IS NULL
          ) AND (
            `v_buyer_messages` IS NULL
          )
          THEN 'buyer_messages is not given'
          WHEN (
            `v_replied_within_24h` IS NULL
          ) AND (
            `v_buyer_messages` IS NULL
          )
          THEN 'replied_within_24h and buyer_messages are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_buyer_messages` IS NULL
        )
        AND (
          `v_buyer_messages` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'response_rate_24h' AS rule,
        'RR24' AS metric,
        'zero_denominator' AS cause,
        'buyer_messages is 0, so RR24 is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_4_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_replied_within_24h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
        )
        AND (
          `v_buyer_messages` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_replied_within_24h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
        )
        AND (
          (
            `v_replied_within_24h` * CAST(20 AS DECIMAL(38, 0))
          ) >= (
            CAST(17 AS DECIMAL(38, 0)) * `v_buyer_messages`
          )
        )
      )
      THEN CAST(STRUCT('response_rate_24h' AS rule, CAST(ARRAY('points') AS ARRAY<STRING>) AS measures) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_4_0`,
    CAST(0 AS INT) AS `points_4`,
    FALSE AS `warning_4`,
    CASE
      WHEN (
        (
          NOT (
            `v_replied_within_48h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
        )
        AND (
          `v_buyer_messages` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_replied_within_48h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
        )
        AND (
          (
            `v_replied_within_48h` * CAST(20 AS DECIMAL(38, 0))
          ) >= (
            CAST(19 AS DECIMAL(38, 0)) * `v_buyer_messages`
          )
        )
      )
      THEN CAST(STRUCT(
        'response_rate_48h' AS rule,
        'RR48' AS metric,
        CAST(`v_replied_within_48h` AS STRING) || (
          '/' || CAST(`v_buyer_messages` AS STRING)
        ) AS value,
        '>= 95%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_5_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_replied_within_48h` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_buyer_messages` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'response_rate_48h' AS rule,
        'RR48' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_replied_within_48h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
          THEN 'replied_within_48h is not given'
          WHEN NOT (
            `v_replied_within_48h` IS NULL
          ) AND (
            `v_buyer_messages` IS NULL
          )
          THEN 'buyer_messages is not given'
          WHEN (
            `v_replied_within_48h` IS NULL
          ) AND (
            `v_buyer_messages` IS NULL
          )
          THEN 'replied_within_48h and buyer_messages are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_buyer_messages` IS NULL
        )
        AND (
          `v_buyer_messages` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'response_rate_48h' AS rule,
        'RR48' AS metric,
        'zero_denominator' AS cause,
        'buyer_messages is 0, so RR48 is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_5_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_replied_within_48h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
        )
        AND (
          `v_buyer_messages` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_replied_within_48h` IS NULL
          ) AND NOT (
            `v_buyer_messages` IS NULL
          )
        )
        AND (
          (
            `v_replied_within_48h` * CAST(20 AS DECIMAL(38, 0))
          ) >= (
            CAST(19 AS DECIMAL(38, 0)) * `v_buyer_messages`
          )
        )
      )
      THEN CAST(STRUCT('response_rate_48h' AS rule, CAST(ARRAY('points') AS ARRAY<STRING>) AS measures) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_5_0`,
    CAST(0 AS INT) AS `points_5`,
    FALSE AS `warning_5`,
    CASE
      WHEN (
        (
          NOT (
            `v_negative_reviews_30d` IS NULL
          )
          AND NOT (
            `v_non_cancelled_orders_30d` IS NULL
          )
        )
        AND (
          `v_non_cancelled_orders_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_negative_reviews_30d` IS NULL
          )
          AND NOT (
            `v_non_cancelled_orders_30d` IS NULL
          )
        )
        AND (
          (
            `v_negative_reviews_30d` * CAST(1000 AS DECIMAL(38, 0))
          ) <= (
            CAST(7 AS DECIMAL(38, 0)) * `v_non_cancelled_orders_30d`
          )
        )
      )
      THEN CAST(STRUCT(
        'negative_review_rate' AS rule,
        'NRR' AS metric,
        CAST(`v_negative_reviews_30d` AS STRING) || (
          '/' || CAST(`v_non_cancelled_orders_30d` AS STRING)
        ) AS value,
        '<= 0.7%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_6_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_negative_reviews_30d` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_non_cancelled_orders_30d` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'negative_review_rate' AS rule,
        'NRR' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_negative_reviews_30d` IS NULL
          )
          AND NOT (
            `v_non_cancelled_orders_30d` IS NULL
          )
          THEN 'negative_reviews_30d is not given'
          WHEN NOT (
            `v_negative_reviews_30d` IS NULL
          )
          AND (
            `v_non_cancelled_orders_30d` IS NULL
          )
          THEN 'non_cancelled_orders_30d is not given'
          WHEN (
            `v_negative_reviews_30d` IS NULL
          )
          AND (
            `v_non_cancelled_orders_30d` IS NULL
          )
          THEN 'negative_reviews_30d and non_cancelled_orders_30d are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_non_cancelled_orders_30d` IS NULL
        )
        AND (
          `v_non_cancelled_orders_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'negative_review_rate' AS rule,
        'NRR' AS metric,
        'zero_denominator' AS cause,
        'non_cancelled_orders_30d is 0, so NRR is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_6_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_negative_reviews_30d` IS NULL
          )
          AND NOT (
            `v_non_cancelled_orders_30d` IS NULL
          )
        )
        AND (
          `v_non_cancelled_orders_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_negative_reviews_30d` IS NULL
          )
          AND NOT (
            `v_non_cancelled_orders_30d` IS NULL
          )
        )
        AND (
          (
            `v_negative_reviews_30d` * CAST(1000 AS DECIMAL(38, 0))
          ) <= (
            CAST(7 AS DECIMAL(38, 0)) * `v_non_cancelled_orders_30d`
          )
        )
      )
      THEN CAST(STRUCT('negative_review_rate' AS rule, CAST(ARRAY('points') AS ARRAY<STRING>) AS measures) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_6_0`,
    CAST(0 AS INT) AS `points_6`,
    FALSE AS `warning_6`,
    CASE
      WHEN (
        (
          NOT (
            `v_seller_fault_disputes_30d` IS NULL
          )
          AND NOT (
            `v_buyer_disputes_30d` IS NULL
          )
        )
        AND (
          `v_buyer_disputes_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_seller_fault_disputes_30d` IS NULL
          )
          AND NOT (
            `v_buyer_disputes_30d` IS NULL
          )
        )
        AND (
          (
            `v_seller_fault_disputes_30d` * CAST(25 AS DECIMAL(38, 0))
          ) <= (
            CAST(1 AS DECIMAL(38, 0)) * `v_buyer_disputes_30d`
          )
        )
      )
      THEN CAST(STRUCT(
        'dispute_rate' AS rule,
        'DRR' AS metric,
        CAST(`v_seller_fault_disputes_30d` AS STRING) || (
          '/' || CAST(`v_buyer_disputes_30d` AS STRING)
        ) AS value,
        '<= 4%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_7_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_seller_fault_disputes_30d` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_buyer_disputes_30d` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'dispute_rate' AS rule,
        'DRR' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_seller_fault_disputes_30d` IS NULL
          )
          AND NOT (
            `v_buyer_disputes_30d` IS NULL
          )
          THEN 'seller_fault_disputes_30d is not given'
          WHEN NOT (
            `v_seller_fault_disputes_30d` IS NULL
          )
          AND (
            `v_buyer_disputes_30d` IS NULL
          )
          THEN 'buyer_disputes_30d is not given'
          WHEN (
            `v_seller_fault_disputes_30d` IS NULL
          )
          AND (
            `v_buyer_disputes_30d` IS NULL
          )
          THEN 'seller_fault_disputes_30d and buyer_disputes_30d are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_buyer_disputes_30d` IS NULL
        )
        AND (
          `v_buyer_disputes_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'dispute_rate' AS rule,
        'DRR' AS metric,
        'zero_denominator' AS cause,
        'buyer_disputes_30d is 0, so DRR is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_7_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_seller_fault_disputes_30d` IS NULL
          )
          AND NOT (
            `v_buyer_disputes_30d` IS NULL
          )
        )
        AND (
          `v_buyer_disputes_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_seller_fault_disputes_30d` IS NULL
          )
          AND NOT (
            `v_buyer_disputes_30d` IS NULL
          )
        )
        AND (
          (
            `v_seller_fault_disputes_30d` * CAST(25 AS DECIMAL(38, 0))
          ) <= (
            CAST(1 AS DECIMAL(38, 0)) * `v_buyer_disputes_30d`
          )
        )
      )
      THEN CAST(STRUCT('dispute_rate' AS rule, CAST(ARRAY('points') AS ARRAY<STRING>) AS measures) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_7_0`,
    CAST(0 AS INT) AS `points_7`,
    FALSE AS `warning_7`,
    CASE
      WHEN (
        (
          NOT (
            `v_resolved_return_requests_30d` IS NULL
          )
          AND NOT (
            `v_seller_fault_return_requests_30d` IS NULL
          )
        )
        AND (
          `v_seller_fault_return_requests_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_resolved_return_requests_30d` IS NULL
          )
          AND NOT (
            `v_seller_fault_return_requests_30d` IS NULL
          )
        )
        AND (
          (
            `v_resolved_return_requests_30d` * CAST(50 AS DECIMAL(38, 0))
          ) >= (
            CAST(49 AS DECIMAL(38, 0)) * `v_seller_fault_return_requests_30d`
          )
        )
      )
      THEN CAST(STRUCT(
        'return_resolution_rate' AS rule,
        'RRR' AS metric,
        CAST(`v_resolved_return_requests_30d` AS STRING) || (
          '/' || CAST(`v_seller_fault_return_requests_30d` AS STRING)
        ) AS value,
        '>= 98%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_8_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_resolved_return_requests_30d` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_seller_fault_return_requests_30d` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'return_resolution_rate' AS rule,
        'RRR' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_resolved_return_requests_30d` IS NULL
          )
          AND NOT (
            `v_seller_fault_return_requests_30d` IS NULL
          )
          THEN 'resolved_return_requests_30d is not given'
          WHEN NOT (
            `v_resolved_return_requests_30d` IS NULL
          )
          AND (
            `v_seller_fault_return_requests_30d` IS NULL
          )
          THEN 'seller_fault_return_requests_30d is not given'
          WHEN (
            `v_resolved_return_requests_30d` IS NULL
          )
          AND (
            `v_seller_fault_return_requests_30d` IS NULL
          )
          THEN 'resolved_return_requests_30d and seller_fault_return_requests_30d are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_seller_fault_return_requests_30d` IS NULL
        )
        AND (
          `v_seller_fault_return_requests_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'return_resolution_rate' AS rule,
        'RRR' AS metric,
        'zero_denominator' AS cause,
        'seller_fault_return_requests_30d is 0, so RRR is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_8_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_resolved_return_requests_30d` IS NULL
          )
          AND NOT (
            `v_seller_fault_return_requests_30d` IS NULL
          )
        )
        AND (
          `v_seller_fault_return_requests_30d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_resolved_return_requests_30d` IS NULL
          )
          AND NOT (
            `v_seller_fault_return_requests_30d` IS NULL
          )
        )
        AND (
          (
            `v_resolved_return_requests_30d` * CAST(50 AS DECIMAL(38, 0))
          ) >= (
            CAST(49 AS DECIMAL(38, 0)) * `v_seller_fault_return_requests_30d`
          )
        )
      )
      THEN CAST(STRUCT(
        'return_resolution_rate' AS rule,
        CAST(ARRAY('points') AS ARRAY<STRING>) AS measures
      ) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_8_0`,
    CAST(0 AS INT) AS `points_8`,
    FALSE AS `warning_8`,
    CASE
      WHEN (
        (
          NOT (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND (
        (
          `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
        ) >= (
          CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        CAST(NULL AS STRING) AS table,
        1 AS row,
        1 AS points,
        FALSE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:27' AS where,
        'Seller-fault cancellation rate (SFCR) is ' || (
          `s_SFCR` || ': at least 2.5%. Rule seller_fault_cancellation, row 1 (fulfilment.pol:27): 1 point.'
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
    END AS `violations_9_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          (
            `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        'SFCR' AS metric,
        CAST(`v_cancelled_orders` AS STRING) || (
          '/' || CAST(`v_orders_7d` AS STRING)
        ) AS value,
        '< 2.5%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_9_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_cancelled_orders` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_orders_7d` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        'SFCR' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
          THEN 'cancelled_orders is not given'
          WHEN NOT (
            `v_cancelled_orders` IS NULL
          ) AND (
            `v_orders_7d` IS NULL
          )
          THEN 'orders_7d is not given'
          WHEN (
            `v_cancelled_orders` IS NULL
          ) AND (
            `v_orders_7d` IS NULL
          )
          THEN 'cancelled_orders and orders_7d are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_orders_7d` IS NULL
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        'SFCR' AS metric,
        'zero_denominator' AS cause,
        'orders_7d is 0, so SFCR is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_9_0`,
    CASE
      WHEN (
        (
          NOT (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND (
        (
          `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
        ) >= (
          CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
      THEN CAST(STRUCT(
        'seller_fault_cancellation' AS rule,
        CAST(ARRAY('extend_settlement', 'deduct_funds') AS ARRAY<STRING>) AS measures
      ) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_9_0`,
    CAST(CASE
      WHEN (
        (
          NOT (
            `v_cancelled_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND (
        (
          `v_cancelled_orders` * CAST(40 AS DECIMAL(38, 0))
        ) >= (
          CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
      THEN 1
      ELSE 0
    END AS INT) AS `points_9`,
    FALSE AS `warning_9`,
    CASE
      WHEN (
        (
          (
            NOT (
              `v_late_orders` IS NULL
            ) AND NOT (
              `v_orders_7d` IS NULL
            )
          )
          AND (
            `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
          ) >= (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND (
        (
          `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
        ) < (
          CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'points' AS table,
        1 AS row,
        2 AS points,
        TRUE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:56' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || ': at least 4% and below 10%. Rule late_dispatch, table points, row 1 (fulfilment.pol:56): a warning and 2 points.'
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'points' AS table,
        2 AS row,
        4 AS points,
        FALSE AS warning,
        CAST(STRUCT(
          7 AS days,
          '80' AS percent,
          'avg4w' AS basis,
          CAST(CAST((
            (
              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
            ) - (
              (
                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
              ) % CAST(5 AS DECIMAL(38, 0))
            )
          ) / CAST(5 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
            (
              (
                (
                  (
                    CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                  ) % CAST(5 AS DECIMAL(38, 0))
                ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
              ) + (
                CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
              )
            ) - (
              (
                (
                  (
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                    ) % CAST(5 AS DECIMAL(38, 0))
                  ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                ) + (
                  CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                )
              ) % CAST(5000000000000000000 AS DECIMAL(38, 0))
            )
          ) / CAST(5000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS daily_cap
        ) AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:57' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || (
            ': at least 10% and below 25%. Rule late_dispatch, table points, row 2 (fulfilment.pol:57): 4 points and an order volume limit for 7 days at 80% of the average daily orders over the past 4 weeks' || (
              CASE
                WHEN `v_avg_daily_orders_4w` IS NULL
                THEN ''
                ELSE ' (at most ' || (
                  CAST(CAST(CAST((
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                    ) - (
                      (
                        CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                      ) % CAST(5 AS DECIMAL(38, 0))
                    )
                  ) / CAST(5 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
                    (
                      (
                        (
                          (
                            CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                          ) % CAST(5 AS DECIMAL(38, 0))
                        ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                      ) + (
                        CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                      )
                    ) - (
                      (
                        (
                          (
                            (
                              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                            ) % CAST(5 AS DECIMAL(38, 0))
                          ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                        ) + (
                          CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(4 AS DECIMAL(38, 0))
                        )
                      ) % CAST(5000000000000000000 AS DECIMAL(38, 0))
                    )
                  ) / CAST(5000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || ' orders a day)'
                )
              END || '.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND NOT (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'points' AS table,
        3 AS row,
        6 AS points,
        FALSE AS warning,
        CAST(STRUCT(
          7 AS days,
          '30' AS percent,
          'avg4w' AS basis,
          CAST(CAST((
            (
              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
            ) - (
              (
                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
              ) % CAST(10 AS DECIMAL(38, 0))
            )
          ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
            (
              (
                (
                  (
                    CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                  ) % CAST(10 AS DECIMAL(38, 0))
                ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
              ) + (
                CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
              )
            ) - (
              (
                (
                  (
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                    ) % CAST(10 AS DECIMAL(38, 0))
                  ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                ) + (
                  CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                )
              ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
            )
          ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS daily_cap
        ) AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:58' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || (
            ': at least 25% and below 50%. Rule late_dispatch, table points, row 3 (fulfilment.pol:58): 6 points and an order volume limit for 7 days at 30% of the average daily orders over the past 4 weeks' || (
              CASE
                WHEN `v_avg_daily_orders_4w` IS NULL
                THEN ''
                ELSE ' (at most ' || (
                  CAST(CAST(CAST((
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                    ) - (
                      (
                        CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                      ) % CAST(10 AS DECIMAL(38, 0))
                    )
                  ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
                    (
                      (
                        (
                          (
                            CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                          ) % CAST(10 AS DECIMAL(38, 0))
                        ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                      ) + (
                        CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                      )
                    ) - (
                      (
                        (
                          (
                            (
                              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                            ) % CAST(10 AS DECIMAL(38, 0))
                          ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                        ) + (
                          CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                        )
                      ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
                    )
                  ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || ' orders a day)'
                )
              END || '.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND NOT (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
        )
        AND NOT (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'points' AS table,
        4 AS row,
        8 AS points,
        FALSE AS warning,
        CAST(NULL AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:59' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || ': at least 50%. Rule late_dispatch, table points, row 4 (fulfilment.pol:59): 8 points.'
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
    END AS `violations_10_0`,
    CASE
      WHEN (
        (
          (
            NOT (
              `v_late_orders` IS NULL
            ) AND NOT (
              `v_orders_7d` IS NULL
            )
          )
          AND (
            `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
          ) >= (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND (
        (
          `v_late_orders` * CAST(5 AS DECIMAL(38, 0))
        ) < (
          CAST(3 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'limits' AS table,
        1 AS row,
        0 AS points,
        FALSE AS warning,
        CAST(STRUCT(
          7 AS days,
          '30' AS percent,
          'avg4w' AS basis,
          CAST(CAST((
            (
              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
            ) - (
              (
                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
              ) % CAST(10 AS DECIMAL(38, 0))
            )
          ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
            (
              (
                (
                  (
                    CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                  ) % CAST(10 AS DECIMAL(38, 0))
                ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
              ) + (
                CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
              )
            ) - (
              (
                (
                  (
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                    ) % CAST(10 AS DECIMAL(38, 0))
                  ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                ) + (
                  CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                )
              ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
            )
          ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS daily_cap
        ) AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:62' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || (
            ': at least 50% and below 60%. Rule late_dispatch, table limits, row 1 (fulfilment.pol:62): an order volume limit for 7 days at 30% of the average daily orders over the past 4 weeks' || (
              CASE
                WHEN `v_avg_daily_orders_4w` IS NULL
                THEN ''
                ELSE ' (at most ' || (
                  CAST(CAST(CAST((
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                    ) - (
                      (
                        CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                      ) % CAST(10 AS DECIMAL(38, 0))
                    )
                  ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
                    (
                      (
                        (
                          (
                            CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                          ) % CAST(10 AS DECIMAL(38, 0))
                        ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                      ) + (
                        CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                      )
                    ) - (
                      (
                        (
                          (
                            (
                              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                            ) % CAST(10 AS DECIMAL(38, 0))
                          ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                        ) + (
                          CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(3 AS DECIMAL(38, 0))
                        )
                      ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
                    )
                  ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || ' orders a day)'
                )
              END || '.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
      WHEN (
        (
          (
            NOT (
              `v_late_orders` IS NULL
            ) AND NOT (
              `v_orders_7d` IS NULL
            )
          )
          AND (
            `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            `v_late_orders` * CAST(5 AS DECIMAL(38, 0))
          ) >= (
            CAST(3 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(5 AS DECIMAL(38, 0))
          ) < (
            CAST(3 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'limits' AS table,
        2 AS row,
        0 AS points,
        FALSE AS warning,
        CAST(STRUCT(
          7 AS days,
          '10' AS percent,
          'avg4w' AS basis,
          CAST(CAST((
            (
              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
            ) - (
              (
                CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              ) % CAST(10 AS DECIMAL(38, 0))
            )
          ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
            (
              (
                (
                  (
                    CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                  ) % CAST(10 AS DECIMAL(38, 0))
                ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
              ) + (
                CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
              )
            ) - (
              (
                (
                  (
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                    ) % CAST(10 AS DECIMAL(38, 0))
                  ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                ) + (
                  CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                )
              ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
            )
          ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS daily_cap
        ) AS STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>) AS limit,
        CAST(ARRAY() AS ARRAY<STRING>) AS measures,
        'fulfilment.pol:63' AS where,
        'Late dispatch rate (LDR) is ' || (
          `s_LDR` || (
            ': at least 60%. Rule late_dispatch, table limits, row 2 (fulfilment.pol:63): an order volume limit for 7 days at 10% of the average daily orders over the past 4 weeks' || (
              CASE
                WHEN `v_avg_daily_orders_4w` IS NULL
                THEN ''
                ELSE ' (at most ' || (
                  CAST(CAST(CAST((
                    (
                      CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                    ) - (
                      (
                        CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                      ) % CAST(10 AS DECIMAL(38, 0))
                    )
                  ) / CAST(10 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) + CAST((
                    (
                      (
                        (
                          (
                            CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                          ) % CAST(10 AS DECIMAL(38, 0))
                        ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                      ) + (
                        CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                      )
                    ) - (
                      (
                        (
                          (
                            (
                              CAST(FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                            ) % CAST(10 AS DECIMAL(38, 0))
                          ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                        ) + (
                          CAST(CAST(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18)) - FLOOR(CAST(`v_avg_daily_orders_4w` AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(1 AS DECIMAL(38, 0))
                        )
                      ) % CAST(10000000000000000000 AS DECIMAL(38, 0))
                    )
                  ) / CAST(10000000000000000000 AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS STRING) || ' orders a day)'
                )
              END || '.'
            )
          )
        ) AS because
      ) AS STRUCT<
        rule: STRING,
        table: STRING,
        row: INT,
        points: INT,
        warning: BOOLEAN,
        limit: STRUCT<days: INT, percent: STRING, basis: STRING, daily_cap: DECIMAL(38, 0)>,
        measures: ARRAY<STRING>,
        where: STRING,
        because: STRING
      >)
    END AS `violations_10_1`,
    CASE
      WHEN (
        (
          NOT (
            `v_late_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            `v_late_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          (
            `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'LDR' AS metric,
        CAST(`v_late_orders` AS STRING) || (
          '/' || CAST(`v_orders_7d` AS STRING)
        ) AS value,
        '< 4%' AS standard
      ) AS STRUCT<rule: STRING, metric: STRING, value: STRING, standard: STRING>)
    END AS `findings_10_0`,
    CASE
      WHEN NOT (
        NOT (
          `v_late_orders` IS NULL
        )
      )
      OR NOT (
        NOT (
          `v_orders_7d` IS NULL
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'LDR' AS metric,
        'absent' AS cause,
        CASE
          WHEN (
            `v_late_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
          THEN 'late_orders is not given'
          WHEN NOT (
            `v_late_orders` IS NULL
          ) AND (
            `v_orders_7d` IS NULL
          )
          THEN 'orders_7d is not given'
          WHEN (
            `v_late_orders` IS NULL
          ) AND (
            `v_orders_7d` IS NULL
          )
          THEN 'late_orders and orders_7d are not given'
        END AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
      WHEN NOT (
        NOT (
          `v_orders_7d` IS NULL
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        'LDR' AS metric,
        'zero_denominator' AS cause,
        'orders_7d is 0, so LDR is undefined' AS reason
      ) AS STRUCT<rule: STRING, metric: STRING, cause: STRING, reason: STRING>)
    END AS `not_applicable_10_0`,
    CASE
      WHEN (
        (
          (
            (
              (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              OR (
                (
                  (
                    (
                      (
                        NOT (
                          `v_late_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND NOT (
                  (
                    (
                      (
                        NOT (
                          `v_late_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
              )
            )
            OR (
              (
                (
                  (
                    (
                      (
                        NOT (
                          `v_late_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND NOT (
                  (
                    (
                      (
                        NOT (
                          `v_late_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
              )
              AND NOT (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
            )
          )
          OR (
            (
              (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND NOT (
                  (
                    (
                      (
                        NOT (
                          `v_late_orders` IS NULL
                        ) AND NOT (
                          `v_orders_7d` IS NULL
                        )
                      )
                      AND (
                        `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                      )
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
              )
              AND NOT (
                (
                  (
                    (
                      NOT (
                        `v_late_orders` IS NULL
                      ) AND NOT (
                        `v_orders_7d` IS NULL
                      )
                    )
                    AND (
                      `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                    )
                  )
                  AND (
                    (
                      `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
                    ) >= (
                      CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                    )
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) < (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
            )
            AND NOT (
              (
                (
                  (
                    NOT (
                      `v_late_orders` IS NULL
                    ) AND NOT (
                      `v_orders_7d` IS NULL
                    )
                  )
                  AND (
                    `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                  )
                )
                AND (
                  (
                    `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
                  ) >= (
                    CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                  )
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
                ) < (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
          )
        )
        OR (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(5 AS DECIMAL(38, 0))
            ) < (
              CAST(3 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
      )
      OR (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(5 AS DECIMAL(38, 0))
            ) >= (
              CAST(3 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND NOT (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(5 AS DECIMAL(38, 0))
            ) < (
              CAST(3 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
      )
      THEN CAST(STRUCT(
        'late_dispatch' AS rule,
        CAST(ARRAY('extend_settlement', 'deduct_funds') AS ARRAY<STRING>) AS measures
      ) AS STRUCT<rule: STRING, measures: ARRAY<STRING>>)
    END AS `discretionary_10_0`,
    CAST(CASE
      WHEN (
        (
          (
            NOT (
              `v_late_orders` IS NULL
            ) AND NOT (
              `v_orders_7d` IS NULL
            )
          )
          AND (
            `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
          ) >= (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND (
        (
          `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
        ) < (
          CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
      THEN 2
      WHEN (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN 4
      WHEN (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND NOT (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN 6
      WHEN (
        (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND NOT (
            (
              (
                (
                  NOT (
                    `v_late_orders` IS NULL
                  ) AND NOT (
                    `v_orders_7d` IS NULL
                  )
                )
                AND (
                  `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
                )
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
        )
        AND NOT (
          (
            (
              (
                NOT (
                  `v_late_orders` IS NULL
                ) AND NOT (
                  `v_orders_7d` IS NULL
                )
              )
              AND (
                `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
              ) >= (
                CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
              )
            )
          )
          AND (
            (
              `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                `v_late_orders` IS NULL
              ) AND NOT (
                `v_orders_7d` IS NULL
              )
            )
            AND (
              `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              `v_late_orders` * CAST(4 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
            )
          )
        )
        AND (
          (
            `v_late_orders` * CAST(2 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
          )
        )
      )
      THEN 8
      ELSE 0
    END AS INT) AS `points_10`,
    (
      (
        (
          NOT (
            `v_late_orders` IS NULL
          ) AND NOT (
            `v_orders_7d` IS NULL
          )
        )
        AND (
          `v_orders_7d` <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND (
        (
          `v_late_orders` * CAST(25 AS DECIMAL(38, 0))
        ) >= (
          CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
        )
      )
    )
    AND (
      (
        `v_late_orders` * CAST(10 AS DECIMAL(38, 0))
      ) < (
        CAST(1 AS DECIMAL(38, 0)) * `v_orders_7d`
      )
    ) AS `warning_10`
  FROM shown
)
SELECT
  `seller_id`,
  CASE WHEN `error` IS NULL THEN `region` END AS `region`,
  CASE
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'US'
    )
    THEN CAST((
      (
        (
          (
            (
              (
                (
                  `points_0` + `points_1`
                ) + `points_2`
              ) + `points_3`
            ) + `points_4`
          ) + `points_5`
        ) + `points_6`
      ) + `points_7`
    ) + `points_8` AS INT)
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'SEA'
    )
    THEN CAST((
      (
        (
          (
            (
              (
                (
                  `points_0` + `points_1`
                ) + `points_2`
              ) + `points_3`
            ) + `points_4`
          ) + `points_5`
        ) + `points_6`
      ) + `points_7`
    ) + `points_8` AS INT)
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'UK'
    )
    THEN CAST((
      (
        (
          (
            (
              (
                (
                  `points_9` + `points_10`
                ) + `points_2`
              ) + `points_3`
            ) + `points_4`
          ) + `points_5`
        ) + `points_6`
      ) + `points_7`
    ) + `points_8` AS INT)
    ELSE CAST(NULL AS INT)
  END AS `points`,
  CASE
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'US'
    )
    THEN (
      (
        (
          (
            (
              (
                (
                  `warning_0` OR `warning_1`
                ) OR `warning_2`
              ) OR `warning_3`
            )
            OR `warning_4`
          )
          OR `warning_5`
        )
        OR `warning_6`
      )
      OR `warning_7`
    )
    OR `warning_8`
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'SEA'
    )
    THEN (
      (
        (
          (
            (
              (
                (
                  `warning_0` OR `warning_1`
                ) OR `warning_2`
              ) OR `warning_3`
            )
            OR `warning_4`
          )
          OR `warning_5`
        )
        OR `warning_6`
      )
      OR `warning_7`
    )
    OR `warning_8`
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'UK'
    )
    THEN (
      (
        (
          (
            (
              (
                (
                  `warning_9` OR `warning_10`
                ) OR `warning_2`
              ) OR `warning_3`
            )
            OR `warning_4`
          )
          OR `warning_5`
        )
        OR `warning_6`
      )
      OR `warning_7`
    )
    OR `warning_8`
    ELSE CAST(NULL AS BOOLEAN)
  END AS `warning`,
  CASE
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'US'
    )
    THEN FILTER(ARRAY(`violations_0_0`, `violations_1_0`), x -> NOT (
      x IS NULL
    ))
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'SEA'
    )
    THEN FILTER(ARRAY(`violations_0_0`, `violations_1_0`), x -> NOT (
      x IS NULL
    ))
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'UK'
    )
    THEN FILTER(
      ARRAY(`violations_9_0`, `violations_10_0`, `violations_10_1`),
      x -> NOT (
        x IS NULL
      )
    )
    ELSE NULL
  END AS `violations`,
  CASE
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'US'
    )
    THEN FILTER(
      ARRAY(
        `findings_0_0`,
        `findings_1_0`,
        `findings_2_0`,
        `findings_3_0`,
        `findings_4_0`,
        `findings_5_0`,
        `findings_6_0`,
        `findings_7_0`,
        `findings_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'SEA'
    )
    THEN FILTER(
      ARRAY(
        `findings_0_0`,
        `findings_1_0`,
        `findings_2_0`,
        `findings_3_0`,
        `findings_4_0`,
        `findings_5_0`,
        `findings_6_0`,
        `findings_7_0`,
        `findings_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'UK'
    )
    THEN FILTER(
      ARRAY(
        `findings_9_0`,
        `findings_10_0`,
        `findings_2_0`,
        `findings_3_0`,
        `findings_4_0`,
        `findings_5_0`,
        `findings_6_0`,
        `findings_7_0`,
        `findings_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    ELSE NULL
  END AS `findings`,
  CASE
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'US'
    )
    THEN FILTER(
      ARRAY(
        `not_applicable_0_0`,
        `not_applicable_1_0`,
        `not_applicable_2_0`,
        `not_applicable_3_0`,
        `not_applicable_4_0`,
        `not_applicable_5_0`,
        `not_applicable_6_0`,
        `not_applicable_7_0`,
        `not_applicable_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'SEA'
    )
    THEN FILTER(
      ARRAY(
        `not_applicable_0_0`,
        `not_applicable_1_0`,
        `not_applicable_2_0`,
        `not_applicable_3_0`,
        `not_applicable_4_0`,
        `not_applicable_5_0`,
        `not_applicable_6_0`,
        `not_applicable_7_0`,
        `not_applicable_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'UK'
    )
    THEN FILTER(
      ARRAY(
        `not_applicable_9_0`,
        `not_applicable_10_0`,
        `not_applicable_2_0`,
        `not_applicable_3_0`,
        `not_applicable_4_0`,
        `not_applicable_5_0`,
        `not_applicable_6_0`,
        `not_applicable_7_0`,
        `not_applicable_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    ELSE NULL
  END AS `not_applicable`,
  CASE
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'US'
    )
    THEN FILTER(
      ARRAY(
        `discretionary_0_0`,
        `discretionary_1_0`,
        `discretionary_2_0`,
        `discretionary_3_0`,
        `discretionary_4_0`,
        `discretionary_5_0`,
        `discretionary_6_0`,
        `discretionary_7_0`,
        `discretionary_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'SEA'
    )
    THEN FILTER(
      ARRAY(
        `discretionary_0_0`,
        `discretionary_1_0`,
        `discretionary_2_0`,
        `discretionary_3_0`,
        `discretionary_4_0`,
        `discretionary_5_0`,
        `discretionary_6_0`,
        `discretionary_7_0`,
        `discretionary_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    WHEN (
      `error` IS NULL
    ) AND (
      `region` = 'UK'
    )
    THEN FILTER(
      ARRAY(
        `discretionary_9_0`,
        `discretionary_10_0`,
        `discretionary_2_0`,
        `discretionary_3_0`,
        `discretionary_4_0`,
        `discretionary_5_0`,
        `discretionary_6_0`,
        `discretionary_7_0`,
        `discretionary_8_0`
      ),
      x -> NOT (
        x IS NULL
      )
    )
    ELSE NULL
  END AS `discretionary`,
  `error`
FROM ruled
