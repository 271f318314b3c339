package com.tierpilot.base.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC settings shared by all modules: the id value objects map to plain {@code bigint} columns, and
 * identifiers are not quoted (the same SQL then works on H2 in MySQL mode and on MySQL/MariaDB), and date-times keep
 * their microseconds on MariaDB 10 ({@link FractionalSecondsDataSource}).
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfig {

    @Bean
    JdbcCustomConversions jdbcCustomConversions() {
        return new JdbcCustomConversions(List.of(
                new TenantIdToLong(), new LongToTenantId(), new UserIdToLong(), new LongToUserId()));
    }

    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }

    /** Every data source keeps the sub-second digits of the date-times it writes (see the wrapper). */
    @Bean
    static BeanPostProcessor fractionalSeconds() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof FractionalSecondsDataSource)
                        ? new FractionalSecondsDataSource(dataSource) : bean;
            }
        };
    }

    @WritingConverter
    static final class TenantIdToLong implements Converter<TenantId, Long> {
        @Override
        public Long convert(TenantId source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class LongToTenantId implements Converter<Long, TenantId> {
        @Override
        public TenantId convert(Long source) {
            return TenantId.of(source);
        }
    }

    @WritingConverter
    static final class UserIdToLong implements Converter<UserId, Long> {
        @Override
        public Long convert(UserId source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class LongToUserId implements Converter<Long, UserId> {
        @Override
        public UserId convert(Long source) {
            return UserId.of(source);
        }
    }
}
